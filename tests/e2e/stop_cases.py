"""End-to-end: a run stopped by a signal, or kernels that will not shut down, leave nothing
behind. Real kernels (ipykernel and docnb-kernel's fork server), real signals.

Usage: stop_cases.py CASE
"""
import atexit
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import harness
from harness import check

CASES = {}
# Generous bounds for a shared, noisy machine: a hang is the failure they catch, not slowness.
WAIT = 180


def case(function):
    CASES[function.__name__] = function
    return function


# A docstring module and a notebook that each record their kernel's pid, then sleep.
SLOW_MODULE = '''def f():
    """
    Example:
        >>> import os, time
        >>> open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "module-%d" % os.getpid()), "w").close()
        >>> time.sleep(600)
    """
'''
RECORD_PID = ('import os, signal, time\n'
              'open(os.path.join(os.environ["DOCNB_TEST_PIDS"], "nb-%d" % os.getpid()), "w")'
              '.close()')


def write_slow_sources(work, ignore_interrupts=False):
    (work / "slow.py").write_text(SLOW_MODULE)
    sleep = "time.sleep(600)"
    if ignore_interrupts:
        sleep = "signal.signal(signal.SIGINT, signal.SIG_IGN)\n" + sleep
    harness.write_notebook(work / "slow.ipynb", [RECORD_PID, sleep, "print('after')"])


def descendants(root):
    """Every process under `root`, from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {root}
    while frontier:
        children = {pid for pid, parent in parents.items() if parent in frontier}
        frontier = children - found
        found |= children
    return found


def alive(pid):
    """Whether `pid` still runs (a zombie no longer does)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class Run:
    """`docnb run` started in the background, with its own TMPDIR and pid folder."""

    def __init__(self, work, *args):
        self.work = work
        self.tmp = work / "tmp"
        self.pids = work / "pids"
        self.tmp.mkdir()
        self.pids.mkdir()
        env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
        env.update(TMPDIR=str(self.tmp), DOCNB_TEST_PIDS=str(self.pids))
        self.out = open(work / "out.txt", "w")
        self.process = subprocess.Popen([harness.DOCNB, "run", *args], cwd=work, env=env,
                                        stdout=self.out, stderr=subprocess.STDOUT)
        atexit.register(self.end)

    def end(self):
        """A failed check leaves no docnb running (nor, through it, any kernel)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def wait_for_pids(self, count):
        """Waits until `count` kernels have recorded their pids; every process of the run then."""
        deadline = time.monotonic() + WAIT
        while len(list(self.pids.iterdir())) < count:
            check(self.process.poll() is None, f"docnb ended early:\n{self.output()}")
            check(time.monotonic() < deadline, f"kernels never started:\n{self.output()}")
            time.sleep(0.2)
        time.sleep(0.5)  # into the sleeping cell
        processes = descendants(self.process.pid)
        kernels = {int(name.name.split("-")[1]) for name in self.pids.iterdir()}
        check(kernels <= processes, f"kernels {kernels} are not under docnb: {processes}")
        return processes

    def wait(self):
        try:
            code = self.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            check(False, f"docnb did not exit within {WAIT} s:\n{self.output()}")
        self.out.close()
        print(self.output())
        return code

    def output(self):
        if not self.out.closed:
            self.out.flush()
        return (self.work / "out.txt").read_text()


def check_nothing_left(run, processes):
    deadline = time.monotonic() + 10  # a process SIGKILLed a moment ago may still be exiting
    while any(alive(pid) for pid in processes) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in processes if alive(pid)]
    check(not left, f"processes of the run still alive: {left}")
    check(not list(run.tmp.iterdir()), f"left in TMPDIR: {list(run.tmp.iterdir())}")


def check_incomplete_reports(work, signal_name):
    report = json.loads((work / "report.json").read_text())
    check(report["incomplete"] is True and report["stopped_by"] == signal_name,
          f"report not marked incomplete: {report.get('incomplete')} {report.get('stopped_by')}")
    junit = ElementTree.parse(work / "junit.xml").getroot()
    messages = [error.get("message", "") for error in junit.iter("error")]
    check(any(f"stopped by {signal_name}" in message for message in messages),
          f"JUnit report does not say it is incomplete: {messages}")
    return report


def stopped_by(work, sig, expected_code):
    write_slow_sources(work)
    run = Run(work, "--no-cache", "slow.py", "slow.ipynb", "-j", "2", "--json", "report.json",
              "--junit", "junit.xml")
    processes = run.wait_for_pids(2)
    run.process.send_signal(sig)
    code = run.wait()
    check(code == expected_code, f"exit code {code}, want {expected_code}")
    check_nothing_left(run, processes)
    report = check_incomplete_reports(work, signal.Signals(sig).name)
    check(f"stopped by {signal.Signals(sig).name}" in run.output(), "the console does not say so")
    return report


@case
def sigterm_leaves_no_kernel_and_reports_what_finished(work):
    stopped_by(work, signal.SIGTERM, 143)


@case
def sighup_leaves_no_kernel_and_reports_what_finished(work):
    stopped_by(work, signal.SIGHUP, 129)


@case
def sigint_interrupts_running_cells_and_reports_them(work):
    report = stopped_by(work, signal.SIGINT, 130)
    # The running cells were interrupted and are reported, with what ran before them.
    reasons = {(e["file"], e["status"], e["reason"]) for e in report["examples"]}
    print(reasons)
    check(("slow.ipynb", "passed", "") in reasons, "the cell that finished is not reported")
    check(any(file == "slow.ipynb" and "stopped by SIGINT while it ran" in reason
              for file, _, reason in reasons), "the interrupted cell is not reported")
    check(any(file == "slow.py" and status == "failed" for file, status, _ in reasons),
          "the interrupted docstring example is not reported")


@case
def second_sigint_aborts_cells_that_ignore_the_first(work):
    # The notebook's cell ignores SIGINT and the grace is long: only the second SIGINT ends it.
    write_slow_sources(work, ignore_interrupts=True)
    run = Run(work, "--no-cache", "slow.ipynb", "--interrupt-grace", "600", "--json",
              "report.json", "--junit", "junit.xml")
    processes = run.wait_for_pids(1)
    run.process.send_signal(signal.SIGINT)
    time.sleep(2)
    check(run.process.poll() is None, "one SIGINT ended a cell that ignores interrupts")
    run.process.send_signal(signal.SIGINT)
    code = run.wait()
    check(code == 130, f"exit code {code}, want 130")
    check_nothing_left(run, processes)
    check_incomplete_reports(work, "SIGINT")
    check("aborting" in run.output(), "the second SIGINT is not named")


@case
def sigkill_takes_the_kernels_and_the_fork_server_along(work):
    # Nothing can clean up after SIGKILL: every child dies with docnb (PR_SET_PDEATHSIG).
    write_slow_sources(work)
    run = Run(work, "--no-cache", "slow.py", "slow.ipynb", "-j", "2")
    processes = run.wait_for_pids(2)
    run.process.kill()
    code = run.wait()
    check(code == -signal.SIGKILL, f"exit status {code}")
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in processes) and time.monotonic() < deadline:
        time.sleep(0.1)
    check(not any(alive(pid) for pid in processes),
          f"alive after docnb was killed: {[pid for pid in processes if alive(pid)]}")


@case
def kernel_whose_control_channel_is_deaf_is_killed_within_the_grace(work):
    # A kernel that never takes the shutdown_request and ignores SIGTERM: docnb still exits,
    # and the kernel is gone (SIGKILL at the end of --shutdown-grace).
    harness.write_notebook(work / "nb.ipynb", ["1"], kernel="fake-deaf")
    pids = work / "pids"
    pids.mkdir()
    fixtures = harness.SOURCE_DIR / "tests" / "fixtures" / "kernels"
    code, out, err = harness.run_docnb("run", "--no-cache", "--kernel-path", str(fixtures),
                                       "--shutdown-grace", "2", "nb.ipynb", cwd=work,
                                       env={"DOCNB_FAKE_KERNEL_PIDS": str(pids)}, timeout=WAIT)
    print(out, err)
    check(code == 0, f"exit code {code}")
    kernels = [int(name.name) for name in pids.iterdir()]
    check(len(kernels) == 1, f"kernel pids: {kernels}")
    check(not alive(kernels[0]), f"the deaf kernel {kernels[0]} is still alive")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
