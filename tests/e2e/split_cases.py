"""End-to-end: a docstring module's examples shared out over several workers (-j 2) give the
same verdicts, reports and executed notebook as one worker; recorded per-example durations
order them longest first; --update and a stopping signal behave as on one worker.

Usage: split_cases.py CASE
"""
import json
import re
import signal
import sqlite3
import sys
import time

import harness
import stop_cases
from harness import check

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


# f:0 sleeps first, so the idle worker's claim comes while the module's own kernel is busy:
# the examples after it run on the other worker's kernel. Each example records its kernel's pid.
MODULE = '''def f():
    """
    Example:
        >>> import os, time
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "f-%d" % os.getpid()), "w").close()
        >>> time.sleep(1.5)
        >>> print("f", 6 * 7)
        f 42
    """


def g():
    """
    Example:
        >>> import os
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "g-%d" % os.getpid()), "w").close()
        >>> [1, 2] + [3]
        [1, 2, 3]
    """


def h():
    """
    Example:
        >>> import os
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "h-%d" % os.getpid()), "w").close()
        >>> print("h is wrong")
        h is right
        >>> print("never run")
        never run
    """


def k():
    """
    Example:
        >>> import os
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "k-%d" % os.getpid()), "w").close()
        >>> 1 / 0
        Traceback (most recent call last):
        ZeroDivisionError: division by zero
        >>> print(__name__ != "__main__")
        True
    """
'''

# What differs between two runs whatever the split: timings, and the command line.
TIMING_KEYS = {"seconds", "duration", "durations", "slowest", "started", "finished", "wall",
               "command"}
# Each kernel counts its own executions, and IPython names a cell by its count in a traceback
# ("Cell In [12], line 1"): on a split module they differ from one kernel's.
CELL_COUNT = re.compile(r"In ?\[\d+\]")


def without_timings(value):
    if isinstance(value, dict):
        return {key: without_timings(item) for key, item in value.items()
                if key not in TIMING_KEYS}
    if isinstance(value, list):
        return [without_timings(item) for item in value]
    if isinstance(value, str):
        return CELL_COUNT.sub("In [N]", value)
    return value


def console_summary(text):
    """The console's lines with durations and the report paths (which differ) taken out."""
    text = re.sub(r"\d+(\.\d+)?\s?(ms|s)\b", "<T>", text)
    return [line for line in text.splitlines() if "build-" not in line and ".json" not in line]


def cells_without_counts(path):
    """The executed notebook's cells; execution counts and timing stamps left out: each kernel
    counts its own executions, so a split module's counts differ from one kernel's."""
    nb = harness.read_notebook(path)
    cells = []
    for cell in nb.cells:
        cell = json.loads(json.dumps(cell))
        cell.pop("execution_count", None)
        cell.get("metadata", {}).pop("execution", None)
        for output in cell.get("outputs", []):
            output.pop("execution_count", None)
        cells.append(without_timings(cell))
    return cells


def run_module(work, label, *args):
    pids = work / f"pids-{label}"
    pids.mkdir()
    code, out, err = harness.run_docnb(
        "run", "--no-cache", "mod.py", "--json", f"report-{label}.json", "--out",
        f"build-{label}", *args, cwd=work, env={"DOCNB_TEST_PIDS": str(pids)})
    print(out, err)
    report = json.loads((work / f"report-{label}.json").read_text())
    kernels = {name.name.split("-")[0]: name.name.split("-")[1] for name in pids.iterdir()}
    return code, out, report, kernels


@case
def split_module_matches_one_worker(work):
    (work / "mod.py").write_text(MODULE)
    one = run_module(work, "one", "-j", "1")
    two = run_module(work, "two", "-j", "2", "--split-min", "0")
    check(len(set(one[3].values())) == 1, f"-j 1 used several kernels: {one[3]}")
    check(len(set(two[3].values())) >= 2, f"-j 2 did not split the module: {two[3]}")
    check(one[0] == two[0] == 1, f"exit codes {one[0]} and {two[0]}")
    # A failing example in one unit fails alone, on either side.
    statuses = {e["example"].split("::")[1]: e["status"] for e in two[2]["examples"]}
    check(statuses == {"f:0": "passed", "g:0": "passed", "h:0": "failed", "k:0": "passed"},
          f"verdicts {statuses}")
    check(without_timings(one[2]) == without_timings(two[2]),
          "the JSON reports differ:\n" + json.dumps(without_timings(one[2]), indent=1) + "\n"
          + json.dumps(without_timings(two[2]), indent=1))
    check(console_summary(one[1]) == console_summary(two[1]),
          f"the console differs:\n{one[1]}\n---\n{two[1]}")
    check(cells_without_counts(work / "build-one" / "mod.ipynb")
          == cells_without_counts(work / "build-two" / "mod.ipynb"),
          "the executed notebooks differ")


# A slow example first, then small ones; none has a recorded duration.
SLOW_FIRST = '''def f():
    """
    Example:
        >>> import os, time
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "f-%d" % os.getpid()), "w").close()
        >>> time.sleep(6)
    """


def g():
    """
    Example:
        >>> import os
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "g-%d" % os.getpid()), "w").close()
    """


def h():
    """
    Example:
        >>> import os
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "h-%d" % os.getpid()), "w").close()
    """
'''


@case
def a_slow_example_never_timed_is_helped_with_by_default(work):
    # Nothing recorded: each example is estimated at 0.02 s a cell, under the default
    # --split-min of 0.5 s. The examples waiting behind f:0 are taken over once they have
    # waited 0.5 s, long before f:0 ends.
    (work / "mod.py").write_text(SLOW_FIRST)
    _, _, _, default = run_module(work, "default", "-j", "2")
    check(default["g"] == default["h"] != default["f"], f"g:0 and h:0 waited for f:0: {default}")
    _, _, _, never = run_module(work, "never", "-j", "2", "--split-min", "-1")
    check(len(set(never.values())) == 1, f"--split-min -1 split the module: {never}")


def setup_counts(path):
    """Each example's namespace cell's execution count, by example name."""
    counts = {}
    for cell in harness.read_notebook(path).cells:
        meta = cell.get("metadata", {}).get("docnb", {})
        if cell.cell_type == "code" and meta.get("role") == "namespace":
            counts[meta["example"].split("::")[1]] = cell.execution_count
    return counts


@case
def recorded_durations_start_the_longest_example_first(work):
    # h:0's failing part is its last: every example runs to its end, and has a duration.
    (work / "mod.py").write_text(MODULE.replace("time.sleep(1.5)", "time.sleep(0)").replace(
        '        >>> print("never run")\n        never run\n', ""))
    pids = work / "pids"
    pids.mkdir()
    env = {"DOCNB_TEST_PIDS": str(pids)}
    code, out, err = harness.run_docnb("run", "mod.py", "-j", "1", cwd=work, env=env)
    print(out, err)
    counts = setup_counts(work / "build" / "docnb" / "mod.ipynb")
    check(sorted(counts, key=counts.get) == ["f:0", "g:0", "h:0", "k:0"],
          f"not in the module's order without durations: {counts}")
    # Recorded durations say k:0 is the longest, then g:0, h:0, f:0.
    db = sqlite3.connect(work / ".docnb" / "cache.sqlite")
    keys = [row[0] for row in db.execute("SELECT source FROM durations WHERE source LIKE '%::%'")]
    check(len(keys) == 4, f"per-example durations recorded: {keys}")
    seconds = {"k:0": 9.0, "g:0": 5.0, "h:0": 2.0, "f:0": 1.0}
    for key in keys:
        name = key.split("::")[1].split("@")[0]
        db.execute("UPDATE durations SET seconds = ? WHERE source = ?", (seconds[name], key))
    db.commit()
    db.close()
    # A change outside the examples: the module runs again, its examples' durations still apply.
    with open(work / "mod.py", "a") as f:
        f.write("\n# changed\n")
    code, out, err = harness.run_docnb("run", "mod.py", "-j", "1", cwd=work, env=env)
    print(out, err)
    counts = setup_counts(work / "build" / "docnb" / "mod.ipynb")
    order = sorted(counts, key=counts.get)
    check(order == ["k:0", "g:0", "h:0", "f:0"], f"start order {order} ({counts})")
    # The examples are still reported in the module's order.
    report_order = [line.split("::")[1].split()[0] for line in out.splitlines() if "mod.py::" in line]
    check(report_order == sorted(report_order), f"reported as {report_order}")


UPDATABLE = '''def a():
    """
    Example:
        >>> import time
        >>> time.sleep(1.5)
        >>> print(1 + 1)
        3
    """


def b():
    """
    Example:
        >>> print("bee")
        wasp
    """


def c():
    """
    Example:
        >>> [2] * 2
        [2]
    """
'''


@case
def update_on_a_split_module_rewrites_every_want(work):
    one, two = work / "one", work / "two"
    for folder in (one, two):
        folder.mkdir()
        (folder / "mod.py").write_text(UPDATABLE)
    code, out, err = harness.run_docnb("run", "--no-cache", "--update", "mod.py", "-j", "1",
                                       cwd=one)
    print(out, err)
    code, out, err = harness.run_docnb("run", "--no-cache", "--update", "mod.py", "-j", "2",
                                       "--split-min", "0", cwd=two)
    print(out, err)
    expected = UPDATABLE.replace("        3\n", "        2\n").replace("wasp", "bee").replace(
        "        [2]\n", "        [2, 2]\n")
    check((one / "mod.py").read_text() == expected, f"-j 1:\n{(one / 'mod.py').read_text()}")
    check((two / "mod.py").read_text() == expected, f"-j 2:\n{(two / 'mod.py').read_text()}")


SLOW_SPLIT = '''def f():
    """
    Example:
        >>> import os, time
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "module-%d" % os.getpid()), "w").close()
        >>> time.sleep(600)
    """


def g():
    """
    Example:
        >>> import os, time
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "module-%d" % os.getpid()), "w").close()
        >>> time.sleep(600)
    """
'''


@case
def sigterm_during_a_split_run_leaves_no_kernel(work):
    (work / "slow.py").write_text(SLOW_SPLIT)
    run = stop_cases.Run(work, "--no-cache", "slow.py", "-j", "2", "--split-min", "0",
                         "--json", "report.json", "--junit", "junit.xml")
    processes = run.wait_for_pids(2)  # both examples running, each on a kernel of its own
    run.process.send_signal(signal.SIGTERM)
    code = run.wait()
    check(code == 143, f"exit code {code}, want 143")
    stop_cases.check_nothing_left(run, processes)
    stop_cases.check_incomplete_reports(work, "SIGTERM")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
