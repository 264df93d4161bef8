# converters/python/docstring_extract.py: which docstrings a file has, in which order, and the
# source line of every line of their values.
import os
import sys
import textwrap

import pytest
from xdoctest import static_analysis

from product import ROOT, load

helpers = load('converters/python/docstring_extract.py')


def extract(source, attach_calls=()):
    if isinstance(source, str):
        source = textwrap.dedent(source).lstrip('\n').encode('utf-8')
    return helpers.extract(source, list(attach_calls))


def by_name(records):
    return {record[0]: record for record in records}


def test_names_order_and_first_lines_match_xdoctest_static_analysis():
    source = (ROOT / 'tests/fixtures/docstrings/kinds.py').read_text()
    _, records = extract(source.encode('utf-8'))
    calldefs = static_analysis.TopLevelVisitor.parse(source).calldefs
    # docnb also enters async functions and nested definitions; xdoctest's list is the rest.
    ours = [(name, lines[0], lines[-1]) for name, _, lines, _, _ in records
            if name not in ('coroutine', 'Widget.method.nested')]
    theirs = [(name, c.doclineno, c.doclineno_end) for name, c in calldefs.items()]
    assert ours == theirs


def test_escaped_newlines_stay_on_their_source_line_and_continuations_join():
    _, records = extract('''
        def f():
            """one\\ntwo
            three \\
            four
            five"""
        ''')
    name, value, lines, attached, form = records[0]
    assert value == 'one\ntwo\n    three     four\n    five'
    # 'two' is an escape on line 2; the backslash-newline keeps 'four' on the value line of
    # 'three', which began on source line 3.
    assert lines == [2, 2, 3, 5]
    assert (name, attached, form) == ('f', False, ('plain', '"""', 5))


def test_raw_docstrings_map_one_value_line_per_source_line():
    _, records = extract('''
        def f():
            r"""a\\n
            b"""
        ''')
    assert records[0][1] == 'a\\n\n    b'
    assert records[0][2] == [2, 3]
    assert records[0][4] == ('raw', '"""', 3)


def test_a_coding_cookie_decodes_the_file_and_is_reported():
    source = '# -*- coding: latin-1 -*-\ndef f():\n    """caf\xe9"""\n'.encode('latin-1')
    encoding, records = extract(source)
    assert encoding == 'iso-8859-1'
    assert records[0][1] == 'caf\xe9'
    assert records[0][2] == [3]


def test_a_utf8_bom_is_not_part_of_the_module_docstring():
    encoding, records = extract(b'\xef\xbb\xbf"""doc"""\n')
    assert encoding == 'utf-8-sig'
    assert by_name(records)['__doc__'][1] == 'doc'


def test_undecodable_bytes_are_a_source_error_at_their_line():
    with pytest.raises(helpers.SourceError) as raised:
        extract(b'x = 1\ny = 2\nz = "\xff"\n')
    message, line = raised.value.args
    assert message.startswith('cannot decode')
    assert line == 3


def test_a_syntax_error_is_a_source_error_at_its_line():
    with pytest.raises(helpers.SourceError) as raised:
        extract('x = 1\n\ndef f(:\n    pass\n')
    assert raised.value.args[1] == 3
    assert raised.value.args[0].startswith('syntax error')


def test_nesting_too_deep_for_the_parser_is_a_source_error_without_a_line():
    with pytest.raises(helpers.SourceError) as raised:
        extract(b'x = ' + b'-' * 100000 + b'1\n')
    assert raised.value.args[1] is None


def test_a_redefinition_replaces_the_first_in_its_place_and_without_a_docstring_drops_it():
    _, records = extract('''
        def a():
            """first a"""
        def b():
            """b"""
        def a():
            """second a"""
        def b():
            pass
        ''')
    assert [(name, value) for name, value, *_ in records] == [('a', 'second a')]


def test_setters_and_the_main_guard_are_skipped_methods_are_dotted():
    _, records = extract('''
        class C:
            """C"""
            @property
            def x(self):
                """getter"""
            @x.setter
            def x(self, value):
                """setter"""
        if __name__ == "__main__":
            def hidden():
                """hidden"""
        ''')
    assert [(name, value) for name, value, *_ in records] == [('C', 'C'), ('C.x', 'getter')]


def test_attach_calls_read_literals_format_and_concatenation_and_skip_computed_values():
    _, records = extract('''
        add_docstr(torch.abs, r"""abs {input}
        {{x}}""".format(**common))
        add_docstr(globals()["relu"], "relu" + """
        more""")
        add_docstr(torch.neg, make_doc())
        other(torch.sub, "not an attach call")
        ''', attach_calls=['add_docstr'])
    found = by_name(records)
    assert sorted(found) == ['relu', 'torch.abs']
    name, value, lines, attached, form = found['torch.abs']
    assert value == 'abs {input}\n{x}'
    assert lines == [1, 2]
    assert attached is True
    assert form == ('other', '', 0)  # a formatted value cannot be written back
    assert found['relu'][1] == 'relu\nmore'
    assert found['relu'][2] == [3, 4]


def test_attach_calls_are_ignored_unless_asked_for():
    _, records = extract('add_docstr(torch.abs, "doc")\n')
    assert records == []


def test_an_fstring_keeps_its_fields_as_written():
    _, records = extract('add_docstr(f, f"""x = {value}\nend""")\n', attach_calls=['add_docstr'])
    assert records[0][1] == 'x = {value}\nend'
    assert records[0][2] == [1, 2]
    assert records[0][4] == ('other', '', 0)


def test_compiled_docstrings_of_a_builtin_module_name_its_functions():
    found = by_name(helpers.compiled_docstrings('math', '/nonexistent'))
    assert found['__doc__'][1] == sys.modules['math'].__doc__
    assert found['sqrt'][1] == sys.modules['math'].sqrt.__doc__
    # Lines count within the docstring itself: the module has no source.
    assert found['sqrt'][2] == list(range(1, found['sqrt'][1].count('\n') + 2))
    assert 'pi' not in found


def test_compiled_docstrings_of_a_pybind11_module():
    # Built by tests/CMakeLists.txt; ctest passes its folder.
    package = os.environ.get('DOCNB_COMPILED_PKG')
    if not package:
        pytest.skip('DOCNB_COMPILED_PKG is set by ctest')
    root = os.path.dirname(package)
    found = by_name(helpers.compiled_docstrings('compiled_pkg._native', root))
    assert sorted(found) == ['Greeter', '__doc__', 'add', 'twice']
    assert '>>> add(2, 3)' in found['add'][1]
    assert root not in sys.path


def test_a_module_that_fails_to_import_is_a_source_error_and_sys_path_is_restored(tmp_path):
    (tmp_path / 'broken_native.py').write_text('raise SystemExit("no")\n')
    before = list(sys.path)
    with pytest.raises(helpers.SourceError) as raised:
        helpers.compiled_docstrings('broken_native', str(tmp_path))
    assert raised.value.args == ('cannot import compiled module broken_native: SystemExit: no', 1)
    assert sys.path == before
