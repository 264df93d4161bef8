# converters/python/doctest_part.py, installed as docnb installs it (executed with __name__
# set to its module name) and run as the kernel runs it: plain, and in a real IPython shell.
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from product import ROOT

SOURCE = (ROOT / 'converters/python/doctest_part.py').read_text()


@pytest.fixture
def runner():
    exec(compile(SOURCE, 'doctest_part.py', 'exec'), {'__name__': '__docnb_doctest'})
    yield sys.modules['__docnb_doctest']
    del sys.modules['__docnb_doctest']


@pytest.fixture
def shell(runner):
    shell = InteractiveShell.instance()
    yield shell
    InteractiveShell.clear_instance()


def single(runner, source, namespace=None, line=1):
    return runner.run({} if namespace is None else namespace, source, 'single', 'page.md', line)


def test_single_mode_echoes_as_the_repl(runner, capsys):
    single(runner, 'for i in range(2):\n    i')
    single(runner, '1; 2')
    single(runner, '5;')
    single(runner, 'None')
    assert capsys.readouterr().out == '0\n1\n1\n2\n5\n'


def test_printed_text_and_a_value_share_stdout_as_doctest_shows_them(runner, capsys):
    single(runner, "print('a', end='')\n5")
    assert capsys.readouterr().out == 'a5\n'


def test_a_displayhook_the_example_installs_stays_for_its_namespace(runner, capsys):
    namespace = {}
    single(runner, 'import sys\nsys.displayhook = lambda v: print("shown", v)', namespace)
    single(runner, '3', namespace)
    single(runner, '4')
    assert capsys.readouterr().out == 'shown 3\n4\n'


def test_docstring_modes_and_the_example_namespace(runner, capsys):
    runner.start_example({'CONSTANT': 42})
    shown = runner.run(None, 'CONSTANT + 1', 'eval', 'mod.py', 3)
    assert repr(shown) == '43'
    assert runner.run(None, 'None', 'eval', 'mod.py', 3) is None
    assert runner.run(None, 'x = CONSTANT\nx', 'exec', 'mod.py', 3) is None
    assert capsys.readouterr().out == ''
    with pytest.raises(RuntimeError):
        runner.start_example(None)
        runner.run(None, '1', 'eval', 'mod.py', 1)


def test_ipython_syntax_is_a_syntax_error_at_the_source_line(runner):
    for line in ('%time 1', 'len?', '!ls'):
        with pytest.raises(SyntaxError) as raised:
            single(runner, line, line=7)
        assert raised.value.filename == 'page.md'
        assert raised.value.lineno == 7


def test_tracebacks_name_the_source_file_and_line(runner):
    with pytest.raises(ZeroDivisionError) as raised:
        single(runner, 'a = 1\n\n1 / 0', line=10)
    trace = raised.value.__traceback__
    while trace.tb_next is not None:
        trace = trace.tb_next
    assert trace.tb_frame.f_code.co_filename == 'page.md'
    assert trace.tb_lineno == 12


def test_the_exception_form_is_doctest_s(runner):
    import json
    try:
        json.loads('')
    except ValueError as error:
        assert runner.exception_form(error) == \
            'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n'
    try:
        compile('x = = 1', 'f', 'exec')
    except SyntaxError as error:
        assert runner.exception_form(error) == 'SyntaxError: invalid syntax\n'


def test_in_ipython_the_part_sees_no_ipython_names_and_they_come_back(shell):
    shell.run_cell('kept = 1')
    call = "__import__('__docnb_doctest').run(globals(), {!r}, 'single', 'page.md', 1)"
    with capture_output() as captured:
        result = shell.run_cell(call.format(
            "import builtins\nprint(sorted(n for n in ('get_ipython', 'display', 'In', 'Out', "
            "'kept') if n in globals() or hasattr(builtins, n)))"))
    assert result.success, result.error_in_exec
    assert captured.stdout == "['kept']\n"
    assert shell.run_cell('get_ipython() is not None and In is not None').result is True


def test_in_ipython_an_exception_is_published_in_doctest_form_and_still_raised(shell):
    call = "__import__('__docnb_doctest').run(globals(), 'import json\\njson.loads(\"\")', " \
           "'single', 'page.md', 1)"
    with capture_output() as captured:
        result = shell.run_cell(call)
    assert type(result.error_in_exec).__name__ == 'JSONDecodeError'
    published = [o.data for o in captured.outputs if o.data]
    assert published == [{'application/vnd.docnb.doctest+json': {
        'exception': 'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n'}}]


def test_in_ipython_only_the_repr_is_produced(shell):
    shell.run_cell('class Odd:\n    def __repr__(self): return "odd"\n'
                   '    def _repr_html_(self): raise ValueError("html")\n'
                   '    def _repr_latex_(self): raise ValueError("latex")\n')
    with capture_output() as captured:
        result = shell.run_cell("__import__('__docnb_doctest').run(globals(), 'Odd()', 'single', "
                                "'page.md', 1)")
    assert result.success, result.error_in_exec
    assert captured.stdout == 'odd\n'
    assert captured.outputs == []


def test_in_ipython_the_traceback_shows_the_example_not_the_call(shell):
    call = "__import__('__docnb_doctest').run(globals(), 'def f():\\n    return 1 / 0\\nf()', " \
           "'single', 'page.md', 4)"
    shown = []
    shell._showtraceback = lambda etype, evalue, stb: shown.append('\n'.join(stb))
    result = shell.run_cell(call)
    assert isinstance(result.error_in_exec, ZeroDivisionError)
    assert 'page.md' in shown[0] and '__docnb_doctest' not in shown[0]
    assert '__tracebackhide__' not in shell.user_ns
