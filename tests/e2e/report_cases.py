"""End-to-end: the reports `docnb run` writes, read back by the tools that consume them.

Usage: report_cases.py CASE
"""
import json
import re
import sys
import xml.etree.ElementTree as ElementTree

import harness
from harness import check, run_docnb

CASES = {}
SCHEMA = harness.SOURCE_DIR / "tests" / "report" / "report.schema.json"
NASTY = "<&\"'\x1b[31mred\x1b[0m \x01 \u03c0"


def case(function):
    CASES[function.__name__] = function
    return function


def stored_notebook(path):
    """Cells: one passes, two fail (one with markup, quotes, colour codes and a control
    character in its output), one is skipped."""
    nb = harness.nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "python3",
                                 "language": "python"}
    cells = [("print(1)", "1\n"), ("print(2)", "3\n"), (f"print({NASTY!r})", "other\n"),
             ("# NBVAL_SKIP\nprint(4)", "4\n")]
    for number, (source, text) in enumerate(cells, start=1):
        # nbval fails a cell that has outputs but no execution_count ("unrun reference").
        cell = harness.nbformat.v4.new_code_cell(source, execution_count=number)
        cell.outputs = [harness.nbformat.v4.new_output("stream", name="stdout", text=text)]
        nb.cells.append(cell)
    harness.nbformat.write(nb, str(path))


def summary_counts(out):
    found = re.search(r"docnb: (\d+) passed, (\d+) failed, (\d+) skipped", out)
    check(found is not None, "no summary line")
    return tuple(int(n) for n in found.groups())


def run_with_reports(work):
    (work / "docs").mkdir()
    stored_notebook(work / "docs" / "nb.ipynb")
    (work / "docs" / "broken.ipynb").write_text("{ not json")
    code, out, err = run_docnb("run", "--json", "out/report.json", "--junit", "out/report.xml",
                               "docs", cwd=work, env={"GITHUB_ACTIONS": "true"})
    print(out, err)
    check(code == 2, f"exit code {code}, want 2 (an input error)")
    return out


@case
def json_report_validates_and_matches_summary(work):
    out = run_with_reports(work)
    report = json.loads((work / "out" / "report.json").read_text(encoding="utf-8"))
    try:
        import jsonschema
    except ImportError:
        harness.skip("python3-jsonschema is not installed")
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(report)
    passed, failed, skipped = summary_counts(out)
    check(report["totals"] == {"passed": passed, "failed": failed, "skipped": skipped},
          f"totals {report['totals']} differ from the summary line")
    check((passed, failed, skipped) == (1, 2, 1), f"counts {(passed, failed, skipped)}")
    check([e["file"] for e in report["errors"]] == ["docs/broken.ipynb"],
          f"errors: {report['errors']}")
    files = {record["file"] for record in report["examples"]}
    check(files == {"docs/nb.ipynb"}, f"example files {files}")


@case
def junit_report_parses_and_matches_summary(work):
    out = run_with_reports(work)
    root = ElementTree.parse(work / "out" / "report.xml").getroot()
    passed, failed, skipped = summary_counts(out)
    want = {"tests": passed + failed + skipped + 1, "failures": failed, "errors": 1,
            "skipped": skipped}
    got = {key: int(root.get(key)) for key in want}
    check(got == want, f"testsuites counts {got}, want {want}")
    check(len(root.findall("./testsuite/testcase")) == want["tests"], "testcase count")
    check(len(root.findall(".//failure")) == failed, "failure count")
    check(len(root.findall(".//skipped")) == skipped, "skipped count")
    check(len(root.findall(".//error")) == 1, "error count")
    names = sorted(suite.get("name") for suite in root.findall("testsuite"))
    check(names == ["docs/broken.ipynb", "docs/nb.ipynb"], f"suite names {names}")
    bodies = "".join(failure.text or "" for failure in root.findall(".//failure"))
    check("\x1b" not in bodies and "\x01" not in bodies, "control characters in failures")


@case
def github_annotations_in_actions(work):
    out = run_with_reports(work)
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    check(len(errors) == 3, f"want 2 failed cells and 1 input error, got {errors}")
    cells = [line for line in errors if line.startswith("::error file=docs/nb.ipynb,line=1,")]
    check(len(cells) == 2, f"notebook failures should point at line 1: {errors}")
    check(any(line.startswith("::error file=docs/broken.ipynb") for line in errors),
          "no annotation for the broken notebook")
    check(all("\x1b" not in line and "\x01" not in line for line in errors),
          "control characters in annotations")
    code, out, _ = run_docnb("run", "docs", cwd=work, env={"GITHUB_ACTIONS": ""})
    check("::error" not in out, "annotations outside GitHub Actions")


@case
def every_report_names_a_cell_alike(work):
    # A markdown cell and a passing code cell before the failing one: its index among all
    # cells is 2, its number among code cells (the example id's "Cell N") is 1.
    nb = harness.nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "python3",
                                 "language": "python"}
    nb.cells = [harness.nbformat.v4.new_markdown_cell("# Title")]
    for number, (source, text) in enumerate([("print(1)", "1\n"), ("print(2)", "3\n")], 1):
        cell = harness.nbformat.v4.new_code_cell(source, execution_count=number)
        cell.outputs = [harness.nbformat.v4.new_output("stream", name="stdout", text=text)]
        nb.cells.append(cell)
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    code, out, err = run_docnb("run", "--json", "report.json", "--junit", "report.xml",
                               "nb.ipynb", cwd=work, env={"GITHUB_ACTIONS": "true"})
    print(out, err)
    check(code == 1, f"exit code {code}, want 1")
    report = json.loads((work / "report.json").read_text(encoding="utf-8"))
    failed = [e["example"] for e in report["examples"] if e["status"] == "failed"]
    check(failed == ["nb.ipynb::Cell 1"], f"JSON names the failure {failed}")
    root = ElementTree.parse(work / "report.xml").getroot()
    junit = [case.get("name") for case in root.iter("testcase")
             if case.find("failure") is not None]
    check(junit == ["nb.ipynb::Cell 1"], f"JUnit names the failure {junit}")
    console = [line.strip() for line in out.splitlines()
               if line.startswith("  ") and "print(2)" in line]
    check(console and console[0].startswith("Cell 1 `print(2)`"),
          f"the console names the failure {console}")
    check("cell 2" not in out.lower(), "a report names the cell by its index among all cells")
    annotations = [line for line in out.splitlines() if line.startswith("::error ")]
    check(len(annotations) == 1 and "title=docnb%3A Cell 1::Cell 1 `print(2)`" in annotations[0],
          f"the annotation names the failure {annotations}")
    # --update names the cells it rewrites the same way.
    code, out, err = run_docnb("run", "--update", "nb.ipynb", cwd=work)
    print(out, err)
    check("UPDATED Cell 1 written back" in out, "the --update line does not name Cell 1")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
