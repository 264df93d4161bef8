"""End-to-end reliability: bad input, lost kernels and signals never cost the rest of a run.

Usage: reliability_cases.py CASE
"""
import json
import sys

import harness
from harness import check, run_docnb

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


HASH_LINES = "#\n# \n##\n"


def write_hash_comment_sources(work):
    """One source of every kind whose code holds lines of nothing but '#'."""
    harness.write_notebook(work / "nb.ipynb", [HASH_LINES + "print(1)"])
    (work / "page.md").write_text("# Page\n\n```python\n" + HASH_LINES + "print(2)\n```\n\n"
                                  "```output\n2\n```\n")
    (work / "page.rst").write_text("Page\n====\n\n.. testcode::\n\n"
                                   "   #\n   ##\n   print(3)\n\n.. testoutput::\n\n   3\n")
    (work / "percent.py").write_text("# %%\n" + HASH_LINES + "print(4)\n")
    (work / "plot_gallery.py").write_text('"""\nGallery\n=======\n"""\n\n' + HASH_LINES +
                                          "print(5)\n")
    (work / "module.py").write_text('def f():\n    """\n    Example:\n        >>> #\n'
                                    '        >>> ##\n        >>> print(6)\n        6\n    """\n')


@case
def comment_lines_of_only_hashes_run_list_and_convert(work):
    write_hash_comment_sources(work)
    code, out, err = run_docnb("list", ".", cwd=work)
    check(code == 0, f"list: exit code {code}\n{out}\n{err}")
    for source in ("nb.ipynb", "page.md", "page.rst", "percent.py", "plot_gallery.py",
                   "module.py"):
        check(source in out, f"list does not name {source}:\n{out}")
    for source in ("nb.ipynb", "page.md", "page.rst", "percent.py", "plot_gallery.py",
                   "module.py"):
        code, _, err = run_docnb("convert", source, "-o", f"../converted-{source}.ipynb",
                                 cwd=work)
        check(code == 0, f"convert {source}: exit code {code}\n{err}")
    code, out, err = run_docnb("run", "--json", "report.json", ".", cwd=work)
    print(out, err)
    check(code == 0, f"run: exit code {code}")
    check(out.strip().splitlines()[-1] == "docnb: 6 passed, 0 failed, 0 skipped",
          f"summary: {out.strip().splitlines()[-1]}")
    report = json.loads((work / "report.json").read_text())
    files = {example["file"] for example in report["examples"]}
    check(len(files) == 6 and not report["errors"], f"report: {files} {report['errors']}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
