"""End-to-end: an output flood is cut at --max-output-bytes, with a note of what was dropped;
the cell fails for it, or warns under --max-output-action=warn or the project's configuration.
Real kernels (ipykernel); the peak memory of a 200 MB flood is measured in bench/, not here.

Usage: flood_cases.py CASE
"""
import json
import sys

import harness
from harness import check, run_docnb

CASES = {}
LINE = "x" * 99 + "\n"
LINES = 20_000  # 2 MB of stdout
LIMIT = 100_000


def case(function):
    CASES[function.__name__] = function
    return function


def write_flood(work):
    harness.write_notebook(work / "flood.ipynb",
                           [f"for i in range({LINES}):\n    print({LINE[:-1]!r})", "print('next')"])


def check_truncated(work):
    """The executed flood holds the first LIMIT bytes and a note of exactly what it dropped."""
    nb = harness.read_notebook(harness.executed_path(work, "flood.ipynb"))
    outputs = nb.cells[0].outputs
    check([o.name for o in outputs] == ["stdout", "stderr"], f"outputs: {outputs}")
    kept = outputs[0].text
    check(len(kept) == LIMIT and (LINE * LINES).startswith(kept), f"kept {len(kept)} bytes")
    dropped = len(LINE) * LINES - LIMIT
    note = (f"output truncated: {dropped} bytes (1.8 MiB) dropped past --max-output-bytes "
            f"{LIMIT} (0.1 MiB)")
    check(outputs[1].text == f"\n[docnb: {note}]\n", f"note: {outputs[1].text!r}")
    check(nb.cells[1].outputs[0].text == "next\n", "the next cell did not run")
    return note


@case
def flood_past_the_bound_is_truncated_and_fails(work):
    write_flood(work)
    code, out, err = run_docnb("run", "--no-cache", "--kernel", "python3", "--max-output-bytes",
                               str(LIMIT), "--json", "report.json", "flood.ipynb", cwd=work)
    print(out, err)
    check(code == 1, f"exit code {code}, want 1")
    note = check_truncated(work)
    report = json.loads((work / "report.json").read_text())
    statuses = [(e["status"], e["reason"]) for e in report["examples"]]
    check(statuses == [("failed", note), ("passed", "")], f"verdicts: {statuses}")


@case
def flood_warns_under_max_output_action_warn(work):
    write_flood(work)
    code, out, err = run_docnb("run", "--no-cache", "--kernel", "python3", "--max-output-bytes",
                               str(LIMIT), "--max-output-action", "warn", "--json", "report.json",
                               "flood.ipynb", cwd=work)
    print(out, err)
    check(code == 0, f"exit code {code}, want 0")
    note = check_truncated(work)
    report = json.loads((work / "report.json").read_text())
    check(report["warnings"] == [{"file": "flood.ipynb", "message": f"Cell 0: {note}"}],
          f"warnings: {report['warnings']}")
    check(f"warning: Cell 0: {note}" in out, "the console does not warn")


@case
def project_configuration_sets_the_bound(work):
    write_flood(work)
    (work / "pyproject.toml").write_text(
        f"[tool.docnb]\nmax_output_bytes = {LIMIT}\nmax_output_action = \"warn\"\n")
    code, out, err = run_docnb("run", "--no-cache", "--kernel", "python3", "flood.ipynb", cwd=work)
    print(out, err)
    check(code == 0, f"exit code {code}, want 0")
    check_truncated(work)
    # The command line wins over the project.
    code, out, err = run_docnb("run", "--no-cache", "--kernel", "python3", "--max-output-action",
                               "fail", "flood.ipynb", cwd=work)
    check(code == 1, f"--max-output-action fail: exit code {code}, want 1")
    code, out, err = run_docnb("run", "--no-cache", "--kernel", "python3", "--max-output-bytes",
                               "0", "flood.ipynb", cwd=work)
    check(code == 0, f"--max-output-bytes 0: exit code {code}")
    nb = harness.read_notebook(harness.executed_path(work, "flood.ipynb"))
    check(nb.cells[0].outputs[0].text == LINE * LINES, "no bound: the output is not whole")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
