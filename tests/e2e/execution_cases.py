"""End-to-end behaviours of `docnb run` on real kernels, one case per ctest test.

Usage: execution_cases.py CASE
"""
import os
import shutil
import sys
from datetime import datetime, timedelta

import harness
from harness import check, run_docnb

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


def run_fails_saying(work, jobs, expected):
    """Runs `docnb run -j JOBS .` in `work`, which must fail; `expected` maps each text its
    output must hold to what the text's absence means."""
    code, out, _ = run_docnb("run", "-j", jobs, ".", cwd=work)
    print(out)
    check(code == 1, f"exit code {code}, want 1")
    for text, missing in expected.items():
        check(text in out, missing)


@case
def autokill_fails_and_run_continues(work):
    harness.nbclient_corpus_copy(work, "Autokill.ipynb", "HelloWorld.ipynb")
    run_fails_saying(work, "1", {
        "FAIL Autokill.ipynb": "Autokill.ipynb not reported failed",
        "kernel died (signal 15": "no kernel-died reason with the signal",
        "PASS HelloWorld.ipynb": "the next notebook did not run and pass"})
    hello = harness.read_notebook(harness.executed_path(work, "HelloWorld.ipynb"))
    check(hello.cells[0].outputs[0]["text"] == "Hello World\n", "HelloWorld output lost")


@case
def disable_stdin_gives_stdin_not_implemented(work):
    harness.nbclient_corpus_copy(work, "Disable Stdin.ipynb")
    code, out, _ = run_docnb("run", "Disable Stdin.ipynb", cwd=work)
    print(out)
    check(code == 1, f"exit code {code}, want 1")
    nb = harness.read_notebook(harness.executed_path(work, "Disable Stdin.ipynb"))
    outputs = nb.cells[0].outputs
    check(len(outputs) == 1, f"want exactly one output, got {outputs}")
    check(outputs[0]["output_type"] == "error", "not an error output")
    check(outputs[0]["ename"] == "StdinNotImplementedError", outputs[0]["ename"])
    check(outputs[0]["evalue"] ==
          "raw_input was called, but this frontend does not support input requests.",
          outputs[0]["evalue"])


@case
def stdin_option_answers_input(work):
    harness.write_notebook(work / "ask.ipynb", ["a = input('first: ')\nb = input('second: ')\nprint(a, b)"])
    code, out, _ = run_docnb("run", "--stdin", "alpha\nbeta", "ask.ipynb", cwd=work)
    print(out)
    check(code == 0, f"exit code {code}")
    nb = harness.read_notebook(harness.executed_path(work, "ask.ipynb"))
    texts = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    check("alpha beta\n" in texts, f"input not answered: {texts!r}")


@case
def sleep1s_timing_stamps(work):
    harness.nbclient_corpus_copy(work, "Sleep1s.ipynb")
    code, out, _ = run_docnb("run", "Sleep1s.ipynb", cwd=work)
    check(code == 0, f"exit code {code}: {out}")
    nb = harness.read_notebook(harness.executed_path(work, "Sleep1s.ipynb"))
    fmt = "%Y-%m-%dT%H:%M:%S.%fZ"
    t0 = datetime.strptime(nb.cells[2].outputs[0]["text"], fmt)
    t1 = datetime.strptime(nb.cells[3].outputs[0]["text"], fmt)
    stamps = {k: datetime.strptime(v, fmt) for k, v in nb.cells[1].metadata["execution"].items()}
    print(t0, t1, stamps)
    delta = timedelta(milliseconds=100)
    check(set(stamps) == {"iopub.status.busy", "iopub.execute_input", "shell.execute_reply",
                          "iopub.status.idle"}, f"stamps {sorted(stamps)}")
    check(abs(stamps["iopub.status.busy"] - t0) <= delta, "busy not within 100 ms of t0")
    check(abs(stamps["iopub.execute_input"] - t0) <= delta, "execute_input not within 100 ms")
    check(abs(stamps["shell.execute_reply"] - t1) <= delta, "execute_reply not within 100 ms")
    check(abs(stamps["iopub.status.idle"] - t1) <= delta, "idle not within 100 ms of t1")


@case
def sigint_ignored_cell_is_killed_and_run_finishes(work):
    harness.write_notebook(work / "a_stubborn.ipynb", [
        "print('start')",
        # ipykernel re-installs its SIGINT handler before each cell: ignore it in the same one.
        "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\ntime.sleep(60)",
        "print('never')"])
    harness.write_notebook(work / "b_after.ipynb", ["print('after')"])
    code, out, _ = run_docnb("run", "-j", "1", "--timeout", "2", "--interrupt-grace", "2", ".",
                             cwd=work, timeout=120)
    print(out)
    check(code == 1, f"exit code {code}, want 1")
    check("timed out after 2 s; the kernel ignored the interrupt and was killed" in out,
          "timeout and kill not reported")
    check("not run" in out, "the remaining cell is not reported as not run")
    check("PASS b_after.ipynb" in out, "the run did not continue with a new kernel")
    nb = harness.read_notebook(harness.executed_path(work, "a_stubborn.ipynb"))
    check(nb.cells[1].outputs[-1]["ename"] == "CellTimeoutError", "no timeout error output")


@case
def kernel_crashes_are_reported(work):
    harness.write_notebook(work / "a_exit.ipynb", ["import os\nos._exit(3)", "print(1)"])
    harness.write_notebook(work / "b_segv.ipynb", ["import ctypes\nctypes.string_at(0)"])
    harness.write_notebook(work / "c_fine.ipynb", ["print('fine')"])
    run_fails_saying(work, "2", {
        "kernel died (exit code 3)": "os._exit not reported with its code",
        "kernel died (signal 11": "segfault not reported with its signal",
        "PASS c_fine.ipynb": "other notebook did not pass"})


@case
def eight_kernels_at_once(work):
    for i in range(8):
        harness.write_notebook(work / f"nb{i}.ipynb", [
            "import os, time\npid = os.getpid()\ntime.sleep(1)",
            f"print('notebook {i}', pid)\nfor n in range(200): print(n)"])
    code, out, err = run_docnb("run", "-j", "8", ".", cwd=work)
    print(out, err)
    check(code == 0, f"exit code {code}")
    pids = set()
    for i in range(8):
        nb = harness.read_notebook(harness.executed_path(work, f"nb{i}.ipynb"))
        text = nb.cells[1].outputs[0]["text"]
        lines = text.splitlines()
        check(lines[0].startswith(f"notebook {i} "), f"nb{i} got another notebook's output")
        check(lines[1:] == [str(n) for n in range(200)], f"nb{i} lost output")
        pids.add(lines[0].split()[-1])
    check(len(pids) == 8, f"8 notebooks shared kernels: {pids}")


@case
def eight_docnb_processes_at_once(work):
    import subprocess
    processes = []
    for i in range(8):
        folder = work / f"p{i}"
        folder.mkdir()
        harness.write_notebook(folder / "nb.ipynb", [f"print({i} * 11)"])
        processes.append(subprocess.Popen([harness.DOCNB, "run", "nb.ipynb"], cwd=folder,
                                          stdout=subprocess.PIPE, text=True))
    for i, process in enumerate(processes):
        out, _ = process.communicate(timeout=300)
        check(process.returncode == 0, f"process {i} failed: {out}")
        nb = harness.read_notebook(harness.executed_path(work / f"p{i}", "nb.ipynb"))
        check(nb.cells[0].outputs[0]["text"] == f"{i * 11}\n", f"process {i} output wrong")


@case
def malformed_inputs_are_reported_and_others_run(work):
    (work / "invalid.ipynb").write_text("{ not json")
    (work / "empty.ipynb").write_text("")
    (work / "v3.ipynb").write_text('{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, '
                                   '"worksheets": [{"cells": []}]}')
    good = harness.write_notebook(work / "good.ipynb", ["print('good')"])
    text = good.read_text()
    (work / "truncated.ipynb").write_text(text[: len(text) // 2])
    (work / "latin1.ipynb").write_bytes(text.replace("good", "g\u00e9").encode("latin-1"))
    code, out, err = run_docnb("run", ".", cwd=work)
    print(out, err)
    check(code == 2, f"exit code {code}, want 2")
    check("PASS good.ipynb" in out, "the good notebook did not run")
    for name in ["invalid", "empty", "v3", "truncated", "latin1"]:
        lines = [line for line in (out + err).splitlines() if f"{name}.ipynb" in line]
        check(len(lines) == 1, f"{name}: want one error line, got {lines}")
        check(lines[0].startswith("ERROR"), f"{name}: not an error line: {lines[0]}")


@case
def kernel_choice_and_listing(work):
    specs = work / "specs"
    shutil.copytree("/usr/share/jupyter/kernels/python3", specs / "mypython")
    harness.write_notebook(work / "uses_meta.ipynb", ["print('meta')"], kernel="mypython")
    harness.write_notebook(work / "unknown.ipynb", ["print('x')"], kernel="no-such-kernel")
    code, out, err = run_docnb("kernels", "--kernel-path", str(specs), cwd=work)
    check(code == 0 and out.startswith("mypython\t"), f"kernels listing: {out} {err}")
    code, out, err = run_docnb("run", "--kernel-path", str(specs), ".", cwd=work)
    print(out, err)
    check(code == 2, f"exit code {code}, want 2")
    check("PASS uses_meta.ipynb" in out, "notebook metadata kernel not used")
    line = [l for l in out.splitlines() if "unknown.ipynb" in l]
    check(line and "no-such-kernel" in line[0] and "mypython" in line[0],
          f"unknown kernel error does not list the installed ones: {line}")
    # --kernel overrides the notebook's own
    code, out, _ = run_docnb("run", "--kernel-path", str(specs), "--kernel", "mypython",
                             "unknown.ipynb", cwd=work)
    check(code == 0, f"--kernel did not override: {out}")


@case
def executed_notebook_keeps_its_kernelspec(work):
    # As nbclient leaves it: the stored kernelspec stays, even its display name, unless
    # --kernel named another; a text source names the kernel that ran it.
    stored = {"name": "python3", "display_name": "Stored name, kept", "language": "python"}
    nb = harness.nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = stored
    nb.cells = [harness.nbformat.v4.new_code_cell("import sys\nprint(sys.argv[0])")]
    harness.nbformat.write(nb, str(work / "installed.ipynb"))
    missing = {"name": "python2", "display_name": "Python 2", "language": "python"}
    nb.metadata["kernelspec"] = missing
    harness.nbformat.write(nb, str(work / "missing.ipynb"))
    (work / "page.md").write_text("```python\nprint(1)\n```\n")
    code, out, err = run_docnb("run", "installed.ipynb", "missing.ipynb", "page.md", cwd=work)
    print(out, err)
    check(code == 0, f"exit code {code}, want 0")
    written = {name: harness.read_notebook(harness.executed_path(work, name)).metadata
               for name in ("installed.ipynb", "missing.ipynb", "page.ipynb")}
    check(dict(written["installed.ipynb"].kernelspec) == stored,
          f"the installed kernelspec was rewritten: {written['installed.ipynb'].kernelspec}")
    # The stand-in ran it: the warning says so, the notebook keeps what it names.
    check("kernelspec 'python2' is not installed; running on docnb-python" in out,
          "no warning says what ran the notebook whose kernel is missing")
    check(dict(written["missing.ipynb"].kernelspec) == missing,
          f"the missing kernelspec was rewritten: {written['missing.ipynb'].kernelspec}")
    check(written["page.ipynb"].kernelspec["name"] == "docnb-python",
          f"a text source names {written['page.ipynb'].kernelspec}, not the kernel that ran")
    # --kernel naming another kernel: the notebook names the kernel that ran.
    code, out, err = run_docnb("run", "--kernel", "docnb-python", "installed.ipynb", cwd=work)
    check(code == 0, f"exit code {code}, want 0: {out} {err}")
    spec = harness.read_notebook(harness.executed_path(work, "installed.ipynb")).metadata.kernelspec
    check(spec["name"] == "docnb-python" and spec["display_name"] != stored["display_name"],
          f"--kernel docnb-python left {spec}")


@case
def discovery_skips_checkpoints_build_and_hidden(work):
    harness.write_notebook(work / "top.ipynb", ["1"])
    for hidden in [".ipynb_checkpoints", "build", ".hidden"]:
        (work / "sub" / hidden).mkdir(parents=True)
        harness.write_notebook(work / "sub" / hidden / "skip.ipynb", ["1"])
    harness.write_notebook(work / "sub" / "inner.ipynb", ["2"])
    code, out, _ = run_docnb("run", ".", cwd=work)
    print(out)
    check(code == 0, f"exit code {code}")
    check("skip.ipynb" not in out, "a skipped folder was searched")
    check(harness.executed_path(work, "sub/inner.ipynb").exists(), "output tree not mirrored")
    check("docnb: 2 passed, 0 failed, 0 skipped" == out.strip().splitlines()[-1],
          "summary line is not last")


@case
def unwritable_output_is_an_error(work):
    harness.write_notebook(work / "nb.ipynb", ["print('x')"])
    (work / "taken").write_text("a file where the output folder should go")
    code, out, _ = run_docnb("run", "--out", "taken", "nb.ipynb", cwd=work)
    print(out)
    check(code == 2, f"exit code {code}, want 2")
    check("cannot write the executed notebook" in out, "the write failure is not reported")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
