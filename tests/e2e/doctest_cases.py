"""End-to-end doctest checking of text-source cells: the wants, directives and source places
that converters put in cell metadata ("docnb", converters/source.hpp), judged on a real kernel.

The notebooks here are written the way a converter writes them, so the checking is tested on
its own; the converters' own end-to-end tests run real Markdown and rst pages.

Usage: doctest_cases.py CASE
"""
import json
import re
import sys

import harness
from harness import check, run_docnb

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


def text_cell(source, line, want=None, **extra):
    cell = harness.nbformat.v4.new_code_cell(source)
    docnb = {"line": line, "last_line": line + source.count("\n"), "example": f"page.md:{line}"}
    if want is not None:
        docnb["want"] = want
        docnb["want_line"] = line + source.count("\n") + 2
    docnb.update(extra)
    cell.metadata["docnb"] = docnb
    return cell


def run_cells(cells, *args, env=None):
    work = harness.workdir()
    nb = harness.nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = cells
    harness.nbformat.write(nb, str(work / "page.ipynb"))
    code, out, err = run_docnb("run", "--json", "report.json", *args, "page.ipynb", cwd=work, env=env)
    report = json.loads((work / "report.json").read_text())
    return code, out, err, report


def statuses(report):
    return [(example["example"], example["status"]) for example in report["examples"]]


@case
def wants_pass_and_fail_at_their_source_line():
    # Each cell runs on its own: the passing ones first, then the failing ones.
    passing = [text_cell("print('hello')", 3, "hello"),
               text_cell("list(range(20))", 7, "[0, 1, ..., 19]"),
               text_cell("print('a')\n'b'", 11, "a\n'b'"),
               text_cell("x = 1", 15),
               text_cell("1/0", 25, "Traceback (most recent call last):\n  ...\n"
                                    "ZeroDivisionError: division by zero")]
    failing = [text_cell("print('got this')", 20, "wanted that"),
               text_cell("int('x')", 30, "Traceback (most recent call last):\nValueError: something else"),
               text_cell("raise KeyError('k')", 35)]
    code, out, _, report = run_cells(passing + failing)
    check(code == 1, f"exit code {code}: {out}")
    check(statuses(report) == [("page.md:3", "passed"), ("page.md:7", "passed"),
                               ("page.md:11", "passed"), ("page.md:15", "passed"),
                               ("page.md:25", "passed"), ("page.md:20", "failed"),
                               ("page.md:30", "failed"), ("page.md:35", "failed")], statuses(report))
    check("page.ipynb:20 `print('got this')`" in out and "-wanted that" in out and "+got this" in out,
          f"no diff for the failing want at its line:\n{out}")
    check("raised KeyError: 'k'" in out, f"no reason for the unexpected exception:\n{out}")


@case
def directives_skip_require_and_time_out():
    code, out, _, report = run_cells([
        text_cell("# doctest: +SKIP\nraise SystemExit('must not run')", 1),
        text_cell("print('gpu')  # xdoctest: +REQUIRES(env:DOCNB_TEST_GPU)", 4, "gpu"),
        text_cell("print('flag')  # xdoctest: +REQUIRES(--slow)", 6, "flag"),
        text_cell("print('linux')  # xdoctest: +REQUIRES(linux, module:json)", 8, "linux"),
        text_cell("print('mod')  # xdoctest: +REQUIRES(module:no_such_module_here)", 10, "mod"),
        text_cell("import time; time.sleep(30)  # xdoctest: +TIMEOUT(1)", 12),
        text_cell("print('after')", 14, "after"),
        text_cell("print([1,2])  # xdoctest: +IGNORE_WHITESPACE", 16, "[1, 2]"),
        text_cell("print('x')  # doctest: +IGNORE_WANT", 18, "y"),
        text_cell("print(1)  # xdoctest: +REQUIRES(gpu)", 20, "1"),
    ], "--flag", "slow", env={"DOCNB_TEST_GPU": ""})
    check(statuses(report) == [
        ("page.md:1", "skipped"), ("page.md:4", "skipped"), ("page.md:6", "passed"),
        ("page.md:8", "passed"), ("page.md:10", "skipped"), ("page.md:12", "failed"),
        ("page.md:14", "passed"), ("page.md:16", "passed"), ("page.md:18", "passed"),
        ("page.md:20", "failed")], statuses(report))
    # The cell's own TIMEOUT interrupts it; ipykernel survives the interrupt, so the cells after
    # it still run in the same kernel.
    check("timed out after 1" in out, f"no timeout reason:\n{out}")
    check("REQUIRES takes a platform tag" in out, f"bad REQUIRES not explained:\n{out}")
    check(code == 1, f"exit code {code}")


@case
def block_directives_carry_over_within_one_example():
    cells = [
        text_cell("# xdoctest: -ELLIPSIS\nx = list(range(20))", 1, example="page.md:1"),
        text_cell("x", 3, "[0, 1, ..., 19]", example="page.md:1"),
        text_cell("list(range(20))", 9, "[0, 1, ..., 19]", example="page.md:9"),
    ]
    _, out, _, report = run_cells(cells)
    check(statuses(report) == [("page.md:1", "failed"), ("page.md:9", "passed")], f"{statuses(report)}\n{out}")


@case
def deferred_output_lets_a_want_match_what_earlier_parts_printed():
    _, out, _, report = run_cells([
        text_cell("print('a')", 1, example="page.md:1"),
        text_cell("print('b')", 2, "a\nb", example="page.md:1"),
        text_cell("print('c')", 4, example="page.md:1"),
        text_cell("print('d')", 5, "d", example="page.md:1"),
        text_cell("print('e')", 7, example="page.md:7"),
        text_cell("print('f')", 8, "e\nf", example="page.md:8"),
    ])
    check(statuses(report) == [("page.md:1", "passed"), ("page.md:7", "passed"), ("page.md:8", "failed")],
          f"{statuses(report)}\n{out}")
    check(report["examples"][0]["cells"] == [0, 1, 2, 3], report["examples"][0])


@case
def an_example_is_skipped_only_when_every_part_is():
    _, out, _, report = run_cells([
        text_cell("# xdoctest: +SKIP\nprint('a')", 1, "a", example="page.md:1"),
        text_cell("print('b')", 3, "b", example="page.md:1"),
        text_cell("print('c')  # xdoctest: +SKIP", 6, "c", example="page.md:6"),
        text_cell("print('d')  # xdoctest: +SKIP", 7, "d", example="page.md:6"),
        text_cell("print('e')", 9, "wrong", example="page.md:9"),
        text_cell("print('f')", 10, "also wrong", example="page.md:9"),
    ])
    check(statuses(report) == [("page.md:1", "skipped"), ("page.md:6", "skipped"), ("page.md:9", "failed")],
          f"{statuses(report)}\n{out}")
    # A block SKIP carries over to the example's later parts, as in xdoctest.
    check(report["examples"][0]["parts_skipped"] == 2, report["examples"][0])
    failed = report["examples"][2]
    check(failed["line"] == 9 and "-wrong" in failed["details"][0], failed)


@case
def misspelt_directives_warn_with_file_and_line():
    code, out, err, report = run_cells([
        text_cell("x = 1\ny = 2  # doctest +SKIP", 40),
        text_cell("#NBVAL_SKIPP\nprint(3)", 50, "3"),
    ])
    text = out + err
    check(code == 0, f"exit code {code}: {text}")
    check("page.ipynb:41: directive comment without its colon" in text, text)
    check("page.ipynb:50: unknown nbval marker NBVAL_SKIPP: did you mean NBVAL_SKIP?" in text, text)


if __name__ == "__main__":
    sys.exit(CASES[sys.argv[1]]() or 0)
