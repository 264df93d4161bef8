"""MyST doctest directives judged as Sphinx's doctest builder (with myst-parser) judges them.

Usage: myst_doctest_cases.py CASE
"""
import json
import re
import subprocess
import sys

import harness
from harness import check, run_docnb

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


# Two groups (one with a failing example and a setup and cleanup of its own), the default group's
# testcode/testoutput pairs (one failing), directive options both as `:key:` lines and as a YAML
# block. Every example's first line is unique on the page: Sphinx names a failure by its source
# (the line numbers it prints for Markdown pages are not the page's).
PAGE = """\
# Doctests in MyST

```{testsetup} g1
import math
```

```{doctest} g1
>>> math.floor(2.5)
2
>>> y = 3
>>> y * 2
7
>>> 'q' * 3
'qqq'
```

Another group sees neither the first group's setup nor its names.

```{doctest} g2
:options: +NORMALIZE_WHITESPACE
>>> 'y' in globals(), 'math' in globals()
(False, False)
>>> print("a    b")
a b
```

```{doctest} g1
---
options: +ELLIPSIS
---
>>> print(list(range(20)))
[0, 1, ..., 19]
```

```{testcleanup} g1
del math
```

```{testcode}
print(sum(range(4)))
```

```{testoutput}
6
```

```{testcode}
print("got this")
```

```{testoutput}
wanted that
```
"""


def page_examples(page):
    """Every example Sphinx runs on `page`: {(group, first source line): page line}."""
    examples = {}
    directive = group = None
    for number, line in enumerate(page.splitlines(), start=1):
        opening = re.match(r"```\{(\w+)\}\s*(.*)$", line)
        if opening:
            directive, group, first = opening[1], opening[2].strip() or "default", True
            continue
        if line.startswith("```"):
            directive = None
            continue
        if directive == "doctest" and line.startswith(">>> "):
            examples[(group, line[4:])] = number
        elif directive == "testcode" and first and line.strip():
            examples[(group, line)] = number
            first = False
    return examples


def sphinx_failures(output):
    """(group, first line of the failed example's source) for each failure in output.txt, and
    the number of tests Sphinx ran."""
    failures = set()
    for block in output.split("*" * 70):
        where = re.search(r'^File "[^"]+", line \d+, in (\S+)\nFailed example:\n    (.*)$', block,
                          re.M)
        if where:
            failures.add((where[1], where[2]))
    total = re.search(r"^(\d+) tests in \d+ items\.$", output, re.M)
    check(total is not None, f"no test count in Sphinx's output:\n{output}")
    check("0 failures in setup code" in output and "0 failures in cleanup code" in output,
          f"Sphinx's setup or cleanup failed:\n{output}")
    return failures, int(total[1])


def run_sphinx(work):
    (work / "src").mkdir()
    (work / "src" / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx.ext.doctest"]\n')
    (work / "src" / "index.md").write_text(PAGE)
    built = subprocess.run(["/usr/bin/python3", "-m", "sphinx", "-b", "doctest", "-q",
                            str(work / "src"), str(work / "out")],
                           capture_output=True, text=True, timeout=240)
    print(built.stdout, built.stderr)
    check(built.returncode == 1, f"sphinx-build -b doctest: exit {built.returncode}")
    return (work / "out" / "output.txt").read_text()


@case
def verdicts_match_sphinx_with_myst_parser(work):
    try:
        import myst_parser  # noqa: F401  (Debian's python3-myst-parser)
    except ImportError:
        harness.skip("python3-myst-parser is not installed")
    examples = page_examples(PAGE)
    failures, sphinx_total = sphinx_failures(run_sphinx(work))
    check(sphinx_total == len(examples), f"Sphinx ran {sphinx_total} tests, the page has "
                                         f"{len(examples)}: {sorted(examples)}")
    check(failures <= examples.keys(), f"failures not on the page: {failures - examples.keys()}")
    failed_lines = {examples[failure] for failure in failures}

    (work / "index.md").write_text(PAGE)
    code, out, err = run_docnb("run", "--json", "report.json", "index.md", cwd=work)
    print(out, err)
    check(code == 1, f"docnb run: exit {code}")
    reported = json.loads((work / "report.json").read_text())["examples"]
    docnb = sorted((e["line"], e["status"]) for e in reported)
    check(all(status in ("passed", "failed") for _, status in docnb), f"{docnb}")

    # A docnb example holds one or more of Sphinx's (consecutive `>>>` statements without
    # output between them run as one part): it fails when one of those fails in Sphinx. Its
    # lines run to the next example's first line.
    starts = [line for line, _ in docnb]
    sphinx_lines = sorted(examples.values())
    check(sphinx_lines[0] >= starts[0], f"Sphinx's example at {sphinx_lines[0]} is not in docnb's")
    expected = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else 1 << 30
        held = [line for line in sphinx_lines if start <= line < end]
        check(held and held[0] == start, f"docnb's example at line {start} is none of Sphinx's "
                                         f"examples {sphinx_lines}")
        expected.append((start, "failed" if failed_lines & set(held) else "passed"))
    check(docnb == expected, f"docnb's verdicts {docnb}\nSphinx's verdicts {expected}")
    # The page is built to hold failures in both kinds of directive and passes in each group.
    check(sum(status == "failed" for _, status in expected) == 2, f"{expected}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
