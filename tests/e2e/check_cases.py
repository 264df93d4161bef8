"""End-to-end checking and reporting: the verdicts a user and a CI system read.

Usage: check_cases.py CASE
"""
import json
import re
import sys
import xml.etree.ElementTree as ElementTree

import harness
from harness import check, executed_notebook, run_docnb

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


def summary_counts(out):
    match = re.fullmatch(r"docnb: (\d+) passed, (\d+) failed, (\d+) skipped",
                         out.strip().splitlines()[-1])
    check(match is not None, f"last line is not the summary: {out.strip().splitlines()[-1]!r}")
    return tuple(int(n) for n in match.groups())


@case
def raises_exception_that_does_not_raise_fails(work):
    harness.write_notebook(work / "nb.ipynb", ["# NBVAL_RAISES_EXCEPTION\n1 + 1"])
    nb = harness.read_notebook(work / "nb.ipynb")
    nb.cells.append(harness.nbformat.v4.new_code_cell("2 + 2"))
    nb.cells[1].metadata["tags"] = ["raises-exception"]
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    code, out, _ = run_docnb("run", "nb.ipynb", cwd=work)
    print(out)
    check(code == 1, f"exit code {code}, want 1 (nbval passes such cells)")
    check(summary_counts(out) == (0, 2, 0), "both cells must fail")


@case
def bad_magic_fails_under_lax(work):
    # ipykernel answers %bad_magic with an error reply and no error output at all.
    code, out = harness.run_new_notebook(work, ["%bad_magic", "print('fine')"], "--lax")
    check(code == 1, f"exit code {code}, want 1 (nbval --nbval-lax passes it)")
    check(summary_counts(out) == (1, 1, 0), "the magic cell must fail, the other pass")
    check("UsageError" in out, "the reason does not name the kernel's error")


@case
def one_character_edit_shows_exactly_that_line(work):
    executed_notebook(work, "nb.ipynb", ["for word in ['alpha', 'beta', 'gamma', 'delta']:\n"
                                         "    print(word)"])
    nb = harness.read_notebook(work / "nb.ipynb")
    nb.cells[0].outputs[0]["text"] = "alpha\nbeta\ngamma\ndelta\n".replace("gamma", "gamna")
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    code, out, _ = run_docnb("run", "nb.ipynb", cwd=work)
    print(out)
    check(code == 1, f"exit code {code}, want 1")
    changed = [line.strip() for line in out.splitlines()
               if re.match(r"\s+[-+](?![-+])", line)]
    check(changed == ["-gamna", "+gamma"], f"diff lines {changed}, want exactly the edited line")
    check("nb.ipynb" in out and "Cell 0" in out, "failure does not name the notebook and cell")


@case
def junit_and_json_reports_match_the_summary(work):
    executed_notebook(work, "a.ipynb", ["print('a')", "# NBVAL_RAISES_EXCEPTION\n1 / 0"])
    nb = harness.read_notebook(work / "a.ipynb")
    nb.cells[0].outputs[0]["text"] = "changed\n"
    nb.cells.append(harness.nbformat.v4.new_code_cell("# NBVAL_SKIP\nprint('skipped')"))
    harness.nbformat.write(nb, str(work / "a.ipynb"))
    executed_notebook(work, "b.ipynb", ["x = 1", "x + 1"])
    (work / "broken.ipynb").write_text("{")
    code, out, _ = run_docnb("run", "--junit", "report.xml", "--json", "report.json", ".",
                             cwd=work, env={"GITHUB_ACTIONS": "true"})
    print(out)
    check(code == 2, f"exit code {code}, want 2 (an input was bad)")
    passed, failed, skipped = summary_counts(out)
    check((passed, failed, skipped) == (3, 1, 1), f"summary {(passed, failed, skipped)}")

    root = ElementTree.parse(work / "report.xml").getroot()
    cases = root.iter("testcase")
    junit_failed = sum(1 for c in root.iter("testcase") if c.find("failure") is not None)
    junit_skipped = sum(1 for c in root.iter("testcase") if c.find("skipped") is not None)
    junit_errors = sum(1 for c in root.iter("testcase") if c.find("error") is not None)
    junit_total = sum(1 for _ in cases)
    check(junit_failed == failed and junit_skipped == skipped,
          f"junit failed/skipped {junit_failed}/{junit_skipped}")
    check(junit_total - junit_failed - junit_skipped - junit_errors == passed, "junit passed")
    check(junit_errors == 1, "the unreadable notebook is not a JUnit error")

    report = json.loads((work / "report.json").read_text())
    check(report["totals"] == {"passed": passed, "failed": failed, "skipped": skipped},
          f"json totals {report['totals']}")
    files = {e["file"] for e in report["examples"]}
    check(files == {"a.ipynb", "b.ipynb"}, f"json files {files}")
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    if jsonschema is not None:
        schema = json.loads((harness.SOURCE_DIR / "tests/report/report.schema.json").read_text())
        jsonschema.validate(report, schema)
    annotations = [line for line in out.splitlines() if line.startswith("::error ")]
    check(len(annotations) == failed + 1,
          f"{len(annotations)} GitHub annotations, want one per failure and per bad input")


@case
def exitfirst_stops_a_notebook_at_its_first_failure(work):
    executed_notebook(work, "nb.ipynb", ["print(1)", "print(2)", "print(3)"])
    nb = harness.read_notebook(work / "nb.ipynb")
    nb.cells[1].outputs[0]["text"] = "22\n"
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    code, out, _ = run_docnb("run", "-x", "nb.ipynb", cwd=work)
    print(out)
    check(summary_counts(out) == (1, 2, 0), "cell 3 must be reported not run")
    check("stopped at its first failure" in out, "the not-run reason is missing")


@case
def sanitizer_errors_are_usage_errors(work):
    harness.write_notebook(work / "nb.ipynb", ["1"])
    (work / "bad.cfg").write_text("regex: (unclosed\nreplace: x\n")
    code, out, err = run_docnb("run", "--sanitize-with", "bad.cfg", "nb.ipynb", cwd=work)
    print(out, err)
    check(code == 2, f"exit code {code}, want 2")
    check("bad.cfg:1" in err, "the error does not name the sanitizer file and line")


@case
def float_tolerance_accepts_nearby_numbers(work):
    executed_notebook(work, "nb.ipynb", ["print(0.1 + 0.2)"])
    nb = harness.read_notebook(work / "nb.ipynb")
    nb.cells[0].outputs[0]["text"] = "0.3\n"
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    code, _, _ = run_docnb("run", "nb.ipynb", cwd=work)
    check(code == 1, "without tolerance 0.30000000000000004 != 0.3")
    code, out, _ = run_docnb("run", "--float-tolerance", "1e-9", "nb.ipynb", cwd=work)
    check(code == 0, f"with tolerance it must pass: {out}")


@case
def last_failed_reruns_only_the_failed_notebooks(work):
    executed_notebook(work, "good.ipynb", ["print('good')"])
    executed_notebook(work, "bad.ipynb", ["print('bad')"])
    nb = harness.read_notebook(work / "bad.ipynb")
    nb.cells[0].outputs[0]["text"] = "stale\n"
    harness.nbformat.write(nb, str(work / "bad.ipynb"))
    code, out, _ = run_docnb("run", ".", cwd=work)
    check(code == 1 and summary_counts(out) == (1, 1, 0), f"first run: {out}")
    code, out, _ = run_docnb("run", "--last-failed", ".", cwd=work)
    print(out)
    check("bad.ipynb" in out and "good.ipynb" not in out, "--last-failed ran the wrong set")
    check(summary_counts(out) == (0, 1, 0), "only the failed notebook's cell runs")
    nb.cells[0].outputs[0]["text"] = "bad\n"
    harness.nbformat.write(nb, str(work / "bad.ipynb"))
    code, out, _ = run_docnb("run", "--last-failed", ".", cwd=work)
    check(code == 0 and summary_counts(out) == (1, 0, 0), f"fixed notebook: {out}")
    code, out, _ = run_docnb("run", "--last-failed", ".", cwd=work)
    check(summary_counts(out) == (2, 0, 0), f"no failures recorded: everything runs: {out}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
