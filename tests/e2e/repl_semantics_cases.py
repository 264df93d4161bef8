"""Doctest parts run with the plain Python REPL's semantics, on every kernel.

Each case is a small Markdown page of `pycon` sessions or a module with docstring examples,
one rule each. The reference is stdlib doctest, run here on the same file by
`python3 -m doctest` (the file's verdict) and by doctest's own parser and runner (each example's
verdict, grouped by docnb's example: a session block, a docstring); docnb runs the file on
ipykernel (python3) and on docnb-kernel (docnb-python) and must agree with it, example for
example. Each case also states the verdicts it expects, so that the reference is checked too.

Usage: repl_semantics_cases.py CASE
"""
import importlib.util
import json
import subprocess
import sys
import textwrap

import harness
from harness import check, run_docnb

CASES = {}
KERNELS = ("python3", "docnb-python")
PYTHON = "/usr/bin/python3"


def case(function):
    CASES[function.__name__] = function
    return function


# Per example of a file, as stdlib doctest judges it: [test name, test line, example line,
# "passed"|"failed"] (lines 0-based), in order; skipped examples are left out, as doctest runs
# none of them.
REFERENCE = textwrap.dedent('''
    import doctest, importlib, json, sys
    path = sys.argv[1]
    verdicts = []

    class Recording(doctest.DocTestRunner):
        def report_success(self, out, test, example, got):
            verdicts.append([test.name, test.lineno or 0, example.lineno, "passed"])

        def report_failure(self, out, test, example, got):
            verdicts.append([test.name, test.lineno or 0, example.lineno, "failed"])

        def report_unexpected_exception(self, out, test, example, exc_info):
            verdicts.append([test.name, test.lineno or 0, example.lineno, "failed"])

    runner = Recording(verbose=False)
    if path.endswith(".py"):
        sys.path.insert(0, ".")
        module = importlib.import_module(path[:-3])
        tests = doctest.DocTestFinder().find(module)
    else:
        text = open(path).read()
        tests = [doctest.DocTestParser().get_doctest(text, {"__name__": "__main__"}, path, path, 0)]
    for test in tests:
        runner.run(test, out=lambda text: None)
    print(json.dumps(verdicts))
''')


def reference(work, name):
    """Stdlib doctest's verdicts on `name`: [(key, status)] per doctest example, where the key
    is what names docnb's example: the 1-based line of a page's example, a docstring's
    function name."""
    done = subprocess.run([PYTHON, "-c", REFERENCE, name], cwd=work, capture_output=True,
                          text=True, timeout=120)
    check(done.returncode == 0, f"the reference did not run:\n{done.stderr}")
    whole = subprocess.run([PYTHON, "-m", "doctest", name], cwd=work, capture_output=True,
                           text=True, timeout=120)
    verdicts = [(test.rsplit(".", 1)[-1] if name.endswith(".py") else start + line + 1, status)
                for test, start, line, status in json.loads(done.stdout)]
    check((whole.returncode == 0) == all(s == "passed" for _, s in verdicts),
          f"python3 -m doctest {name} exits {whole.returncode}, examples: {verdicts}\n"
          f"{whole.stdout}")
    return verdicts


def grouped(verdicts, examples):
    """The reference's verdicts per docnb example, in docnb's order (a page's example holds the
    doctest examples from its first line to the next one's; a docstring's, its function's):
    failed if any failed, else passed if any ran, else skipped."""
    starts = [key for key in examples if isinstance(key, int)]
    by_example = {}
    for key, status in verdicts:
        if isinstance(key, int):
            key = max((s for s in starts if s <= key), default=None)
            check(key is not None, "a doctest example before every docnb example")
        if by_example.get(key) != "failed":
            by_example[key] = status
    return [by_example.get(key, "skipped") for key in examples]


def docnb_verdicts(work, name, kernel):
    report = work / f"report-{kernel}.json"
    code, out, err = run_docnb("run", "--kernel", kernel, "--json", str(report), name, cwd=work)
    check(code in (0, 1), f"docnb on {kernel} exited {code}:\n{out}\n{err}")
    data = json.loads(report.read_text())
    examples = [e for e in data["examples"] if e["file"].endswith(name)]

    def key(example):
        if name.endswith(".py"):  # "replmod.py::names:0"
            return example["example"].split("::")[-1].rsplit(":", 1)[0]
        return example["line"]
    return {key(e): e["status"] for e in examples}, out, data


def agree(work, name, expected):
    """docnb on each kernel gives, per example, the reference's verdict, which is `expected`."""
    truth = reference(work, name)
    for kernel in KERNELS:
        verdicts, out, data = docnb_verdicts(work, name, kernel)
        wanted = grouped(truth, verdicts)
        got = list(verdicts.values())
        check(wanted == expected, f"stdlib doctest gives {wanted}, the case expects {expected}")
        check(got == wanted, f"on {kernel} docnb gives {got}, stdlib doctest {wanted}:\n{out}")
    return data


def page(*sessions):
    """A Markdown page of `pycon` fences, one per session (a doctest want ends at the blank
    line before each closing fence)."""
    blocks = [f"Session {n}:\n\n```pycon\n{textwrap.dedent(s).strip()}\n\n```\n"
              for n, s in enumerate(sessions)]
    return "# A page\n\n" + "\n".join(blocks)


def write(work, name, text):
    (work / name).write_text(text)
    return name


@case
def single_mode_echoes_as_the_repl():
    work = harness.workdir()
    name = write(work, "echo.md", page(
        """
        >>> for i in range(2):
        ...     i
        0
        1
        """,
        """
        >>> 1; 2
        1
        2
        """,
        """
        >>> 5;
        5
        """,
        """
        >>> for i in range(2):
        ...     i
        1
        """))
    agree(work, name, ["passed", "passed", "passed", "failed"])
    # The kernel ran a call of the runner; the executed notebook keeps each part's source.
    executed = harness.read_notebook(harness.executed_path(work, "echo.ipynb"))
    sources = [cell.source for cell in executed.cells if cell.cell_type == "code"]
    check(sources == ["for i in range(2):\n    i", "1; 2", "5;", "for i in range(2):\n    i"],
          f"executed sources: {sources}")
    outputs = [cell.outputs for cell in executed.cells if cell.cell_type == "code"]
    check(outputs[1] == [{"name": "stdout", "output_type": "stream", "text": "1\n2\n"}],
          f"the values of `1; 2` as the REPL prints them: {outputs[1]}")


@case
def values_go_through_sys_displayhook_as_text_only():
    work = harness.workdir()
    sessions = [
        """
        >>> import sys
        >>> sys.displayhook = lambda v: v is None or print('<%r>' % (v,))
        >>> 42
        <42>
        """,
        """
        >>> class Odd:
        ...     def __repr__(self): return 'odd'
        ...     def _repr_html_(self): raise ValueError('html')
        ...     def _repr_latex_(self): raise ValueError('latex')
        >>> sys.displayhook = sys.__displayhook__
        >>> Odd()
        odd
        """]
    # Every statement is an example, as stdlib doctest counts them (a pycon session's rules).
    expected = ["passed"] * 6
    if importlib.util.find_spec("sympy"):  # a hook the example installs: init_printing's
        sessions.append("""
        >>> from sympy import Symbol, init_printing
        >>> init_printing(use_unicode=False)
        >>> Symbol('x')**2  # doctest: +NORMALIZE_WHITESPACE
         2
        x
        """)
        expected += ["passed"] * 3
    name = write(work, "hook.md", page(*sessions))
    agree(work, name, expected)


@case
def the_namespace_has_no_ipython_names_nor_syntax():
    work = harness.workdir()
    name = write(work, "names.md", page(
        """
        >>> sorted(n for n in ('get_ipython', 'display', 'In', 'Out') if n in globals())
        []
        >>> try:
        ...     get_ipython
        ... except NameError:
        ...     print('plain Python')
        plain Python
        """,
        """
        >>> %time 1
        Traceback (most recent call last):
        SyntaxError: invalid syntax
        """,
        """
        >>> len?
        """,
        """
        >>> !ls
        """))
    agree(work, name, ["passed", "passed", "passed", "failed", "failed"])


@case
def output_and_exceptions_as_doctest_shows_them():
    work = harness.workdir()
    name = write(work, "shape.md", page(
        """
        >>> print('a', end=''); 5
        a5
        """,
        """
        >>> import json
        >>> json.loads('')
        Traceback (most recent call last):
        json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
        """,
        """
        >>> json.loads('')
        Traceback (most recent call last):
        JSONDecodeError: Expecting value: line 1 column 1 (char 0)
        """,
        """
        >>> json.loads('')  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        JSONDecodeError: something else
        """,
        """
        >>> x = = 1
        Traceback (most recent call last):
          ...
        SyntaxError: invalid syntax
        """,
        """
        >>> s = '''first
        ...
        ... last'''
        >>> len(s.splitlines())
        3
        """))
    # Every statement is an example, as stdlib doctest counts them; the unqualified name fails.
    agree(work, name, ["passed", "passed", "passed", "failed", "passed", "passed", "passed",
                       "passed"])


@case
def a_skip_on_one_statement_skips_it_alone():
    work = harness.workdir()
    name = write(work, "skip.md", page(
        """
        >>> z = 5
        >>> z = 6  # doctest: +SKIP
        >>> z
        5
        """,
        """
        >>> raise RuntimeError('never run')  # doctest: +SKIP
        """))
    agree(work, name, ["passed", "skipped", "passed", "skipped"])


MODULE = '''
"""A module whose docstrings follow the REPL's rules."""


def names():
    """
    >>> 'get_ipython' in dir() or 'display' in dir()
    False
    >>> sorted(n for n in ('In', 'Out', 'CONSTANT') if n in globals())
    ['CONSTANT']
    """


def echo():
    """
    >>> for i in range(2):
    ...     i
    0
    1
    """


def qualified():
    """
    >>> import json
    >>> json.loads('')
    Traceback (most recent call last):
    json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
    """


def unqualified():
    """
    >>> import json
    >>> json.loads('')
    Traceback (most recent call last):
    JSONDecodeError: Expecting value: line 1 column 1 (char 0)
    """


CONSTANT = 1
'''


@case
def docstring_examples_run_as_the_repl_in_their_module_namespace():
    work = harness.workdir()
    name = write(work, "replmod.py", MODULE)
    agree(work, name, ["passed", "passed", "passed", "failed"])


@case
def a_docstring_that_is_not_python_is_a_warning_with_its_place():
    work = harness.workdir()
    name = write(work, "magicmod.py", 'def timed():\n    """\n    >>> %time 1\n    """\n')
    for kernel in KERNELS:
        _, out, data = docnb_verdicts(work, name, kernel)
        warnings = [w for source in data["sources"] for w in source["warnings"]]
        check(any(w.startswith("magicmod.py:3: ") and "timed" in w for w in warnings),
              f"no warning at magicmod.py:3 on {kernel}: {warnings}\n{out}")
        check("magicmod.py:3" in out, f"the console does not show the warning:\n{out}")


if __name__ == "__main__":
    sys.exit(CASES[sys.argv[1]]() or 0)
