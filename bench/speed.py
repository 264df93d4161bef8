#!/usr/bin/python3
"""Speed and scale of docnb against its peers, the four figures of `make bench`.

  (1) 40 notebooks x 20 small cells: `docnb run -j 2` against nbclient run one notebook
      after another (what `jupyter execute` does) and against nbclient in a process pool of 2.
  (2) torch 1.13's docstrings with PyTorch's xdoctest configuration: `docnb run --module torch
      -j 2` against `xdoctest.runner.doctest_module` (attach calls off, so both see the same
      examples), with both verdict counts over the examples both ran.
  (3) a warm rerun of (1) and of (2) with nothing changed, served by the content cache, as a
      fraction of the cold run.
  (4) the client's per-cell overhead: one notebook of 1,000 trivial cells, docnb's wall time
      minus the kernel's own busy time (iopub status busy -> idle stamps, which the kernel
      dates), per cell, with a 1-cell notebook's figures subtracted so start-up cancels out.

Every docnb run must exit 0 with every cell passed, and the notebooks docnb wrote in (1) are
compared with nbclient's (outputs and execution counts), so a broken run cannot pass for a
fast one. Nothing here asserts on timings; it prints them.

Usage: /usr/bin/python3 bench/speed.py [--docnb PATH] [--repeat N] [--only 1,3,4]
"""

import argparse
import concurrent.futures
import datetime
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
warnings.filterwarnings("ignore")

import nbclient  # noqa: E402
import nbformat  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from execution_overhead import (  # noqa: E402
    KERNEL, SUMMARY, DocnbFailure, compare, make_notebook)
from output_check import report_problems, run_main  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SET_NOTEBOOKS = 40
SET_CELLS = 20
TRIVIAL_CELLS = 1000


# ---------------------------------------------------------------------- corpus

def write_set(folder, count, cells):
    os.makedirs(folder)
    paths = []
    for k in range(count):
        path = os.path.join(folder, f"nb{k:02d}.ipynb")
        nbformat.write(make_notebook(cells), path)
        paths.append(path)
    return paths


def write_trivial(folder, cells):
    os.makedirs(folder)
    nb = make_notebook(0)
    nb.cells = [nbformat.v4.new_code_cell(f"x = {i}") for i in range(cells)]
    path = os.path.join(folder, "trivial.ipynb")
    nbformat.write(nb, path)
    return path


# ----------------------------------------------------------------------- tools

def nbclient_one(path):
    # jupyter_client picks free ports by binding and closing them, so two clients starting
    # kernels at once can hand out the same port and the kernel dies at bind; like a user
    # rerunning `jupyter execute`, retry such a start (its time stays counted).
    for attempt in range(3):
        nb = nbformat.read(path, as_version=4)
        try:
            nbclient.NotebookClient(nb, kernel_name=KERNEL,
                                    resources={"metadata": {"path": os.path.dirname(path)}}
                                    ).execute()
            return os.path.basename(path), nb
        except RuntimeError as error:
            if "Kernel died before replying" not in str(error) or attempt == 2:
                raise
            print(f"  nbclient: kernel start failed for {os.path.basename(path)} ({error}); "
                  f"retrying", file=sys.stderr, flush=True)


def nbclient_sequential(paths):
    t0 = time.perf_counter()
    executed = dict(nbclient_one(p) for p in paths)
    return time.perf_counter() - t0, executed


def nbclient_pool(paths, workers):
    # The pool is part of the cost: its processes start inside the timed region.
    t0 = time.perf_counter()
    # spawn, as separate `jupyter execute` processes would: a forked copy of this process would
    # inherit the ZeroMQ state of the sequential runs.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        executed = dict(pool.map(nbclient_one, paths))
    return time.perf_counter() - t0, executed


# The CPU (user + system) of each tool's run in (2), everything it waited for included (docnb's
# fork server and kernels): torch's own kernels use every core, so wall ratios alone hide it.
CPU_SECONDS = {}


def children_cpu_seconds():
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu_seconds(pid):
    """User + system CPU of the process itself (not its children), from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def docnb_run(docnb, project, args, expect_cells, kernel=KERNEL, cpu=None):
    """Runs docnb in `project` (its own cache); returns (wall seconds, stdout). With `cpu` (a
    list), appends docnb's own CPU seconds, its kernels' left out, as last read before exit."""
    cmd = [docnb, "run", "--kernel", kernel, *args]
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:
        child = subprocess.Popen(cmd, stdout=output, stderr=subprocess.STDOUT, text=True,
                                 cwd=project)
        own = 0.0
        while child.poll() is None:
            try:
                own = own_cpu_seconds(child.pid)
            except (OSError, IndexError, ValueError):
                pass  # exited between poll() and the read
            time.sleep(0.01)
        wall = time.perf_counter() - t0
        output.seek(0)
        proc = subprocess.CompletedProcess(cmd, child.returncode, output.read())
    if cpu is not None:
        cpu.append(own)
    found = SUMMARY.findall(proc.stdout)
    if proc.returncode != 0 or not found:
        raise DocnbFailure(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}")
    passed, failed, skipped = map(int, found[-1])
    if failed or skipped or passed != expect_cells:
        raise DocnbFailure(f"{' '.join(cmd)}: {passed} passed, {failed} failed, {skipped} "
                           f"skipped (expected {expect_cells} passed):\n{proc.stdout}")
    return wall, proc.stdout


def read_executed(folder):
    executed = {}
    for dirpath, _, files in os.walk(folder):
        for f in files:
            if f.endswith(".ipynb"):
                executed[f] = nbformat.read(os.path.join(dirpath, f), as_version=4)
    return executed


def parse_stamp(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def kernel_busy_seconds(nb):
    """The kernel's own time per cell: its busy and idle status messages, as it dated them."""
    total = 0.0
    for cell in nb.cells:
        stamps = cell.get("metadata", {}).get("execution", {})
        if "iopub.status.busy" in stamps and "iopub.status.idle" in stamps:
            total += (parse_stamp(stamps["iopub.status.idle"])
                      - parse_stamp(stamps["iopub.status.busy"])).total_seconds()
    return total


# ------------------------------------------------------------------ benchmarks

def bench_set(docnb, root, repeat, log, with_peers=True):
    """(1) and (3): returns the figures and the output-check problems. Without the peers
    (only (3) asked for) docnb's outputs are not compared with nbclient's."""
    project = os.path.join(root, "set-project")
    os.makedirs(project)
    paths = write_set(os.path.join(project, "docs"), SET_NOTEBOOKS, SET_CELLS)
    cells = SET_NOTEBOOKS * SET_CELLS
    times = {"nbclient sequential": [], "nbclient pool 2": [], "docnb -j2 cold": [],
             "docnb -j2 warm": [], "docnb -j2 docnb-python": []}
    problems = []
    if not with_peers:
        del times["nbclient sequential"], times["nbclient pool 2"], times["docnb -j2 docnb-python"]
    for r in range(repeat):
        reference = None
        if with_peers:
            wall, reference = nbclient_sequential(paths)
            times["nbclient sequential"].append(wall)
            log(f"(1) repeat {r + 1}: nbclient sequential {wall:.2f} s")
            wall, _ = nbclient_pool(paths, 2)
            times["nbclient pool 2"].append(wall)
            log(f"(1) repeat {r + 1}: nbclient pool of 2 {wall:.2f} s")
        # Cold: no cache at all (as on a fresh clone); the run fills it.
        shutil.rmtree(os.path.join(project, ".docnb"), ignore_errors=True)
        out = os.path.join(project, "build", "cold")
        shutil.rmtree(out, ignore_errors=True)
        wall, _ = docnb_run(docnb, project, ["-j", "2", "--out", out, "docs"], cells)
        times["docnb -j2 cold"].append(wall)
        if reference is not None:
            problems += compare(reference, read_executed(out))
        log(f"(1) repeat {r + 1}: docnb -j 2 cold {wall:.2f} s")
        out = os.path.join(project, "build", "warm")
        shutil.rmtree(out, ignore_errors=True)
        wall, stdout = docnb_run(docnb, project, ["-j", "2", "--out", out, "docs"], cells)
        if stdout.count(", cached)") != SET_NOTEBOOKS:
            raise DocnbFailure(f"warm rerun: not every notebook was served from the cache:\n"
                               f"{stdout}")
        if reference is not None:
            problems += compare(reference, read_executed(out))
        times["docnb -j2 warm"].append(wall)
        log(f"(3) repeat {r + 1}: docnb -j 2 warm (cache) {wall:.2f} s")
        if with_peers:
            # The same notebooks on docnb's own kernel (forked from its fork server), no cache.
            out = os.path.join(project, "build", "own")
            shutil.rmtree(out, ignore_errors=True)
            wall, _ = docnb_run(docnb, project, ["--no-cache", "-j", "2", "--out", out, "docs"],
                                cells, kernel="docnb-python")
            times["docnb -j2 docnb-python"].append(wall)
            problems += compare(reference, read_executed(out))
            log(f"(1) repeat {r + 1}: docnb -j 2 on docnb-python {wall:.2f} s")
    return times, problems


def bench_per_cell(docnb, root, repeat, log):
    """(4): per-cell client overhead in microseconds, and its parts."""
    project = os.path.join(root, "cells-project")
    os.makedirs(project)
    write_trivial(os.path.join(project, "many"), TRIVIAL_CELLS)
    write_trivial(os.path.join(project, "one"), 1)
    samples = []
    for r in range(repeat):
        figures = {}
        for name, count in (("many", TRIVIAL_CELLS), ("one", 1)):
            out = os.path.join(project, "build", name)
            shutil.rmtree(out, ignore_errors=True)
            cpu = []
            wall, _ = docnb_run(docnb, project, ["--no-cache", "-j", "1", "--out", out, name],
                                count, cpu=cpu)
            busy = kernel_busy_seconds(read_executed(out)["trivial.ipynb"])
            figures[name] = (wall, busy, cpu[0])
        (wall_many, busy_many, cpu_many), (wall_one, busy_one, cpu_one) = (figures["many"],
                                                                           figures["one"])
        per_cell = ((wall_many - wall_one) - (busy_many - busy_one)) / (TRIVIAL_CELLS - 1)
        # What the client itself spends: docnb's own CPU (send, receive, verify, compare, write),
        # the part of the overhead that is docnb's and not the kernel's or the scheduler's.
        cpu_per_cell = (cpu_many - cpu_one) / (TRIVIAL_CELLS - 1)
        samples.append((per_cell, wall_many, busy_many, wall_one, busy_one, cpu_per_cell))
        log(f"(4) repeat {r + 1}: 1000 cells {wall_many:.2f} s wall, {busy_many:.2f} s kernel "
            f"busy; 1 cell {wall_one:.2f} s; overhead {per_cell * 1e6:.0f} us/cell, of which "
            f"docnb's own CPU {cpu_per_cell * 1e6:.0f} us/cell")
    return samples


TORCH_GLOBAL_EXEC = "from torch import nn\nimport torch.nn.functional as F\nimport torch"
XDOCTEST_VERDICTS = os.path.join(REPO, "tests", "e2e", "xdoctest_verdicts.py")


def docnb_torch(docnb, project, args, log, label, sources=("--module", "torch")):
    """PyTorch's xdoctest configuration through `docnb run --module torch` (or the files
    `sources` names): (wall, verdicts with ids relative to the torch folder, stdout, the
    sources with an example as docnb named them, those of them with a failed example)."""
    report = os.path.join(project, f"{label}.json")
    cmd = [docnb, "run", *sources, "--global-exec", TORCH_GLOBAL_EXEC, "--options",
           # doctest_module ignores config["analysis"] and runs auto: docnb's default too.
           "+IGNORE_WHITESPACE", "--attach-calls", "", "-j", "2",
           "--json", report, "--out", os.path.join(project, "build", label), *args]
    t0, cpu0 = time.perf_counter(), children_cpu_seconds()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          cwd=project)
    wall, cpu = time.perf_counter() - t0, children_cpu_seconds() - cpu0
    if proc.returncode not in (0, 1) or not os.path.exists(report):
        raise DocnbFailure(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout[-3000:]}")
    import json
    with open(report) as f:
        examples = json.load(f)["examples"]
    verdicts = {}
    paths, failing = set(), set()
    for example in examples:
        path, name = example["example"].split("::", 1)
        verdicts[f"{torch_relative(path)}::{name}"] = example["status"]
        paths.add(path)
        if example["status"] == "failed":
            failing.add(path)
    log(f"(2) docnb {label}: {len(verdicts)} examples in {wall:.1f} s, {cpu:.1f} s of CPU "
        f"({proc.stdout.count(', cached)')} modules from the cache)")
    CPU_SECONDS[f"docnb {label}"] = cpu
    return wall, verdicts, proc.stdout, paths, failing


def torch_relative(path):
    import torch
    root = os.path.realpath(os.path.dirname(torch.__file__))
    real = os.path.realpath(path)
    return os.path.relpath(real, root) if real.startswith(root + os.sep) else path


def xdoctest_torch(project, log):
    import json
    out = os.path.join(project, "xdoctest.json")
    t0, cpu0 = time.perf_counter(), children_cpu_seconds()
    proc = subprocess.run([sys.executable, XDOCTEST_VERDICTS, out, "torch"], cwd=project,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall, cpu = time.perf_counter() - t0, children_cpu_seconds() - cpu0
    CPU_SECONDS["xdoctest"] = cpu
    if proc.returncode != 0:
        raise DocnbFailure(f"xdoctest_verdicts.py exited {proc.returncode}:\n{proc.stdout[-3000:]}")
    with open(out) as f:
        verdicts = {f"{torch_relative(i.split('::')[0])}::{i.split('::', 1)[1]}": s
                    for i, s in json.load(f).items()}
    log(f"(2) xdoctest.runner.doctest_module: {len(verdicts)} examples in {wall:.1f} s, "
        f"{cpu:.1f} s of CPU")
    return wall, verdicts


def counts(verdicts, ids):
    return {status: sum(verdicts[i] == status for i in ids)
            for status in ("passed", "failed", "skipped")}


def bench_docstrings(docnb, root, log):
    """(2) and its half of (3): torch's docstrings under PyTorch's configuration, docnb against
    xdoctest; then docnb again with nothing changed (served by the cache)."""
    try:
        import torch  # noqa: F401
        import xdoctest  # noqa: F401
    except ImportError as missing:
        return {"skipped": f"{missing.name} is not installed for /usr/bin/python3"}
    project = os.path.join(root, "torch-project")
    os.makedirs(project)
    xdoctest_wall, theirs = xdoctest_torch(project, log)
    cold, mine, _, paths, failing = docnb_torch(docnb, project, [], log, "cold")
    warm, again, _, _, _ = docnb_torch(docnb, project, [], log, "warm")
    # A failed example is never served (it is what the user is fixing, and it may depend on
    # the outside: a download, a compiler), so the warm run above pays for running the failing
    # modules again in a kernel that imports torch. The modules with no failure, alone, are
    # what the cache itself costs.
    passing = sorted(paths - failing)
    served, served_verdicts, out, _, _ = docnb_torch(docnb, project, [], log, "served", passing)
    # Not served and rightly so: a module whose examples are all skipped runs nothing.
    ran = [line for line in out.splitlines() if line.startswith(("PASS ", "FAIL "))
           and ", cached)" not in line
           and any(status != "skipped" for i, status in served_verdicts.items()
                   if i.split("::")[0] == torch_relative(line.split(" ")[1]))]
    if ran:
        raise DocnbFailure("the rerun of the passing modules executed some:\n" + "\n".join(ran[:5]))
    shared = sorted(set(theirs) & set(mine))
    differ = sorted(i for i in shared if theirs[i] != mine[i])
    changed = sorted(i for i in mine if again.get(i) != mine[i])
    changed += sorted(i for i in served_verdicts if served_verdicts[i] != mine.get(i))
    return {"xdoctest": xdoctest_wall, "cold": cold, "warm": warm, "theirs": theirs,
            "mine": mine, "shared": shared, "differ": differ, "unstable": changed,
            "served": served, "passing": len(passing), "failing": len(failing)}


# ------------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docnb", default=os.environ.get(
        "DOCNB", os.path.join(REPO, "build", "docnb")))
    ap.add_argument("--repeat", type=int, default=1,
                    help="measurements per figure; medians are reported (default 1)")
    ap.add_argument("--only", default="1,2,3,4", help="which benchmarks (default all)")
    ap.add_argument("--small", action="store_true",
                    help="a few tiny notebooks: checks that the harness works, figures mean nothing")
    args = ap.parse_args()
    if args.small:
        global SET_NOTEBOOKS, SET_CELLS, TRIVIAL_CELLS
        SET_NOTEBOOKS, SET_CELLS, TRIVIAL_CELLS = 4, 3, 30
    docnb = os.path.abspath(args.docnb)
    if not os.access(docnb, os.X_OK):
        sys.exit(f"speed: no docnb binary at {docnb} (use --docnb PATH)")
    only = set(args.only.split(","))

    def log(text):
        print("  " + text, file=sys.stderr, flush=True)

    load_before = os.getloadavg()[0]
    root = tempfile.mkdtemp(prefix="docnb-speed-")
    started = time.perf_counter()
    try:
        set_times, problems = ({}, [])
        if only & {"1", "3"}:
            set_times, problems = bench_set(docnb, root, args.repeat, log, "1" in only)
        docstrings = bench_docstrings(docnb, root, log) if "2" in only else None
        cells = bench_per_cell(docnb, root, args.repeat, log) if "4" in only else None
    finally:
        shutil.rmtree(root, ignore_errors=True)
    total = time.perf_counter() - started
    load_after = os.getloadavg()[0]

    med = {k: statistics.median(v) for k, v in set_times.items()}
    print(f"docnb speed vs peers (nbclient {nbclient.__version__}, kernel {KERNEL}, "
          f"{os.cpu_count()} CPUs, median of {args.repeat}, wall seconds)")
    busy = max(load_before, load_after) > (os.cpu_count() or 1)
    print(f"1-min load average: {load_before:.2f} before, {load_after:.2f} after"
          + (" (above the CPU count: figures measured under load)" if busy else ""))
    if "nbclient sequential" in med:
        docnb_cold = med["docnb -j2 cold"]
        print(f"(1) {SET_NOTEBOOKS} nb x {SET_CELLS} cells: nbclient sequential "
              f"{med['nbclient sequential']:.2f}, nbclient pool of 2 "
              f"{med['nbclient pool 2']:.2f}, docnb -j 2 {docnb_cold:.2f}")
        print(f"    ratio nbclient sequential / docnb: "
              f"{med['nbclient sequential'] / docnb_cold:.2f}x (target >= 5x)")
        print(f"    ratio nbclient pool of 2 / docnb:  "
              f"{med['nbclient pool 2'] / docnb_cold:.2f}x")
        own = med["docnb -j2 docnb-python"]
        print(f"    on docnb's own kernel (docnb-python, forked): docnb -j 2 {own:.2f} s; ratio "
              f"nbclient sequential / docnb {med['nbclient sequential'] / own:.2f}x "
              f"(target >= 5x), nbclient pool of 2 / docnb {med['nbclient pool 2'] / own:.2f}x")
    if docstrings is not None and "skipped" in docstrings:
        print(f"(2) torch docstrings vs xdoctest: SKIPPED: {docstrings['skipped']}")
    elif docstrings is not None:
        d = docstrings
        print(f"(2) torch docstrings, PyTorch's configuration: xdoctest {d['xdoctest']:.1f} s, "
              f"docnb -j 2 {d['cold']:.1f} s: ratio docnb / xdoctest "
              f"{d['cold'] / d['xdoctest']:.2f} (target <= 0.5)")
        if "xdoctest" in CPU_SECONDS and "docnb cold" in CPU_SECONDS:
            print(f"    CPU: xdoctest {CPU_SECONDS['xdoctest']:.1f} s "
                  f"({CPU_SECONDS['xdoctest'] / d['xdoctest']:.2f} cores busy on average), "
                  f"docnb -j 2 {CPU_SECONDS['docnb cold']:.1f} s "
                  f"({CPU_SECONDS['docnb cold'] / d['cold']:.2f} cores busy)")
        print(f"    {len(d['shared'])} examples both ran: xdoctest {counts(d['theirs'], d['shared'])}, "
              f"docnb {counts(d['mine'], d['shared'])}; {len(d['differ'])} verdicts differ"
              + (f" ({', '.join(d['differ'][:5])}{' ...' if len(d['differ']) > 5 else ''})"
                 if d['differ'] else ""))
        only_theirs = sorted(set(d["theirs"]) - set(d["mine"]))
        print(f"    only xdoctest ran {len(only_theirs)} (compiled modules: "
              f"{sum('.so::' in i for i in only_theirs)}); only docnb ran "
              f"{len(set(d['mine']) - set(d['theirs']))}")
    if med:
        warm = med["docnb -j2 warm"]
        print(f"(3) warm rerun (cache) of (1): {warm:.2f} s = "
              f"{warm / med['docnb -j2 cold'] * 100:.1f} % of cold (target <= 3 %)")
    if docstrings is not None and "skipped" not in docstrings:
        d = docstrings
        print(f"(3) warm rerun (cache) of (2): {d['warm']:.2f} s = "
              f"{d['warm'] / d['cold'] * 100:.1f} % of cold (target <= 3 %)"
              + (f"; {len(d['unstable'])} verdicts changed" if d["unstable"] else ""))
        print(f"    of which the {d['failing']} modules with a failed example run again (never "
              f"served); the {d['passing']} modules without one, alone: {d['served']:.2f} s = "
              f"{d['served'] / d['cold'] * 100:.1f} % of cold")
    if cells:
        per_cell = statistics.median(s[0] for s in cells)
        sample = sorted(cells)[len(cells) // 2]
        print(f"(4) per-cell client overhead: {per_cell * 1e6:.0f} us/cell (target <= 50 us); "
              f"1000 cells {sample[1]:.2f} s wall, {sample[2]:.2f} s kernel busy")
        print(f"    docnb's own CPU per cell: "
              f"{statistics.median(s[5] for s in cells) * 1e6:.0f} us (the rest of the overhead "
              f"is the kernel's work outside its busy window and the wake-ups between them)")
    print(f"total benchmark time {total:.0f} s")
    if docstrings is not None and docstrings.get("unstable"):
        print(f"verdict check: MISMATCH ({len(docstrings['unstable'])} torch verdicts changed "
              f"between the cold and the warm run)")
        return 1
    if report_problems(problems):
        return 1
    if "nbclient sequential" in med:
        print("output check: OK (docnb's cold and warm outputs equal nbclient's)")
    return 0


if __name__ == "__main__":
    run_main(main)
