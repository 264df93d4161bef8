"""Rule sets: each kind of source judged as its own runner judges it, asserted against that
runner on the same source (stdlib doctest itself, `sphinx-build -b doctest`).

Usage: rules_cases.py CASE
"""
import json
import sys

import harness
from doctest_reference import markdown_verdicts, module_verdicts
from harness import check, run_docnb
from sphinx_verdicts import docnb_verdicts, make_project, paired, sphinx_verdicts

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


def report_of(work, *args):
    code, out, err = run_docnb("run", "--json", "report.json", *args, cwd=work)
    print(out, err)
    check(code in (0, 1), f"docnb run: exit {code}")
    return json.loads((work / "report.json").read_text())["examples"], err


# Each example is one rule: the comment says what stdlib doctest (with pytest's and Sybil's
# ELLIPSIS) decides, which the test asserts by running doctest itself on the same fences.
PAGE = """\
# Sessions

```pycon
>>> x = 'text'
>>> x
'text'
>>> x
text
>>> print('a   b')
a b
>>> print(list(range(20)))
[0, 1, ..., 19]
>>> 1 + 1
>>> print('shown')
>>> True
1
>>> print('')
<BLANKLINE>
>>> raise ValueError('bad')
Traceback (most recent call last):
ValueError: bad
>>> raise ValueError('bad')
Traceback (most recent call last):
ValueError: other
>>> print('a')
a
>>> print('b')
>>> print('c')
b
c
```
"""


@case
def markdown_sessions_judged_as_doctest(work):
    (work / "page.md").write_text(PAGE)
    reference = markdown_verdicts(PAGE)
    examples, _ = report_of(work, "page.md")
    docnb = {e["line"]: e["status"] for e in examples}
    check(docnb == reference, f"docnb {sorted(docnb.items())}\ndoctest {sorted(reference.items())}")
    # The page holds both verdicts, each for a rule of its own.
    check(list(reference.values()).count("failed") == 7, f"{reference}")


MODULE = '''\
def quoted():
    """
    >>> 'text'
    text
    """


def whitespace():
    """
    >>> print('a   b')
    a b
    """


def prints_without_want():
    """
    >>> print('queued')
    >>> print('b')
    queued
    b
    """


def exact():
    """
    >>> [1, 2]
    [1, 2]
    >>> print('x y z')  # doctest: +ELLIPSIS
    x ... z
    """
'''


@case
def docstrings_under_stdlib_judged_as_doctest(work):
    (work / "mod.py").write_text(MODULE)
    reference = module_verdicts(work / "mod.py")
    examples, _ = report_of(work, "--rules", "docstring=stdlib", "mod.py")
    docnb = {e["example"].rsplit("::", 1)[-1].split(":")[0]: e["status"] for e in examples}
    check(docnb == reference, f"docnb {docnb}\ndoctest {reference}")
    check(sorted(reference.values()).count("failed") == 3, f"{reference}")
    # xdoctest's rules (the default for docstrings) pass what doctest fails.
    examples, _ = report_of(work, "mod.py")
    check(all(e["status"] == "passed" for e in examples if "quoted" in e["example"]),
          f"{examples}")


# Groups, `*` setup, the global setup from conf.py, :options:, :pyversion:, a testcode that
# prints with no testoutput, IGNORE_EXCEPTION_DETAIL and DONT_ACCEPT_TRUE_FOR_1 by default, a
# code-block the builder does not run.
RST = """\
Groups
======

.. testsetup:: *

   base = 10

.. doctest::

   >>> base + 1
   11
   >>> _docnb_sys.version_info[0]
   3
   >>> True
   1
   >>> int('x')
   Traceback (most recent call last):
   ValueError: something else

.. doctest:: other
   :options: +NORMALIZE_WHITESPACE

   >>> other = 5
   >>> print('a    b')
   a b
   >>> 'base' in globals(), 'seen' in globals()
   (True, False)

.. testcode::

   seen = 1
   print('unexpected')

.. doctest::
   :pyversion: < 3.0

   >>> 1
   2

.. code-block:: python

   raise SystemExit('not run by Sphinx')

.. doctest:: other

   >>> other
   6
"""


@case
def rst_groups_and_options_judged_as_sphinx(work):
    make_project(work, {"index.rst": RST})
    sphinx = sphinx_verdicts(work)
    docnb = docnb_verdicts(work, ["index.rst"])
    both, differing, docnb_only, sphinx_only = paired(sphinx, docnb)
    check(not differing and docnb_only == 0 and sphinx_only == 0,
          f"both {both}, differing {differing}, docnb only {docnb_only}, "
          f"Sphinx only {sphinx_only}\nSphinx {dict(sphinx)}\ndocnb {dict(docnb)}")
    failed = sum(v == "failed" for group in sphinx.values() for _, v in group)
    check(both == 9 and failed == 3, f"both {both}, Sphinx failed {failed}: {dict(sphinx)}")


@case
def options_and_global_exec_apply_to_pages(work):
    (work / "page.md").write_text("```pycon\n>>> print(math.floor(2.5), '  x')\n2 x\n```\n")
    examples, _ = report_of(work, "page.md")
    check([e["status"] for e in examples] == ["failed"], f"{examples}")
    examples, _ = report_of(work, "--global-exec", "import math", "--options",
                            "+NORMALIZE_WHITESPACE", "page.md")
    check([e["status"] for e in examples] == ["passed"], f"{examples}")


@case
def project_rules_choose_per_kind(work):
    (work / "page.md").write_text("```pycon\n>>> 'text'\ntext\n```\n")
    examples, _ = report_of(work, "page.md")
    check([e["status"] for e in examples] == ["failed"], f"stdlib by default: {examples}")
    (work / "pyproject.toml").write_text('[tool.docnb]\nrules = { markdown = "xdoctest" }\n')
    examples, _ = report_of(work, "page.md")
    check([e["status"] for e in examples] == ["passed"], f"xdoctest from the project: {examples}")
    examples, _ = report_of(work, "--rules", "stdlib", "page.md")
    check([e["status"] for e in examples] == ["failed"], f"the command line wins: {examples}")
    code, _, err = run_docnb("run", "--rules", "markdown=pytest", "page.md", cwd=work)
    check(code == 2 and "xdoctest, stdlib or sphinx" in err, f"{code} {err}")


@case
def sphinx_conf_is_read_never_run(work):
    (work / "conf.py").write_text(
        "import os\n"
        "os.makedirs('ran')\n"
        "doctest_global_setup = 'import math'\n"
        "doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE\n"
        "doctest_global_cleanup = os.environ['X']\n")
    # NORMALIZE_WHITESPACE is none of Sphinx's defaults: the flags come from conf.py.
    (work / "index.rst").write_text("T\n=\n\n>>> print(math.floor(2.5), 'x    y')\n2 x y\n")
    examples, err = report_of(work, "--sphinx-conf", "conf.py", "index.rst")
    check(not (work / "ran").exists(), "conf.py was run")
    check("conf.py:5: doctest_global_cleanup is not a literal" in err, err)
    check([e["status"] for e in examples] == ["passed"], f"{examples}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
