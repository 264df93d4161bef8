#!/usr/bin/python3
"""Execution overhead of docnb against nbclient, measured in one run on one corpus.

Generates, in a temporary folder:
  * a set of 20 notebooks x 20 trivial cells,
  * one notebook of 200 trivial cells, and one of 1 cell (the baseline that
    factors kernel start-up out of the per-cell figure),
then times
  * nbclient: nbformat.read + NotebookClient(nb, kernel_name="python3").execute()
    + nbformat.write, one notebook after another, in this process (what
    `jupyter execute` does, plus writing the executed copy as docnb does);
  * docnb: `docnb run -j 1 --kernel python3 --out OUT DIR` (and `-j 2` for the
    set), one process per measurement, start-up included.

Each measurement is repeated --repeat times (interleaved, tools alternating) and
the median is reported. Before any figure is printed, every notebook docnb wrote
is compared with nbclient's executed copy (outputs and execution counts), and
docnb's exit status and summary line are checked, so a broken run cannot pass
for a fast one. Nothing here asserts on timings.

Usage: /usr/bin/python3 bench/execution_overhead.py [--docnb PATH] [--repeat N]
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
# Kernels of both tools inherit this; it silences ipykernel's debugger banner
# ("frozen modules are being used") that nbclient's kernels print to stderr.
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
warnings.filterwarnings("ignore")

import nbclient  # noqa: E402
import nbformat  # noqa: E402

KERNEL = "python3"
SET_NOTEBOOKS = 20
SET_CELLS = 20
LONG_CELLS = 200

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# --------------------------------------------------------------------- corpus

def cell_source(i):
    """Trivial cells that still exercise the three common output paths:
    no output, a stream (print), and an execute_result."""
    kind = i % 3
    if kind == 0:
        return f"x = {i} + 1"
    if kind == 1:
        return f"print({i})"
    return "x * 2"


def make_notebook(n_cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": KERNEL, "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(cell_source(i)) for i in range(n_cells)]
    return nb


def write_corpus(root):
    paths = {}
    set_dir = os.path.join(root, "set")
    os.makedirs(set_dir)
    paths["set"] = []
    for k in range(SET_NOTEBOOKS):
        p = os.path.join(set_dir, f"nb{k:02d}.ipynb")
        nbformat.write(make_notebook(SET_CELLS), p)
        paths["set"].append(p)
    for name, n in (("one", 1), ("long", LONG_CELLS), ("warmup", 1)):
        d = os.path.join(root, name)
        os.makedirs(d)
        p = os.path.join(d, f"{name}.ipynb")
        nbformat.write(make_notebook(n), p)
        paths[name] = [p]
    return paths


# ---------------------------------------------------------------------- tools

def run_nbclient(notebooks, out_dir):
    """Returns (wall seconds, {basename: executed notebook})."""
    os.makedirs(out_dir, exist_ok=True)
    executed = {}
    t0 = time.perf_counter()
    for p in notebooks:
        nb = nbformat.read(p, as_version=4)
        client = nbclient.NotebookClient(
            nb, kernel_name=KERNEL,
            resources={"metadata": {"path": os.path.dirname(p)}})
        client.execute()
        nbformat.write(nb, os.path.join(out_dir, os.path.basename(p)))
        executed[os.path.basename(p)] = nb
    return time.perf_counter() - t0, executed


SUMMARY = re.compile(r"^docnb: (\d+) passed, (\d+) failed, (\d+) skipped\s*$", re.M)


class DocnbFailure(Exception):
    pass


def run_docnb(docnb, jobs, src_dir, out_dir, expect_cells):
    """Returns (wall seconds, {basename: executed notebook}); raises on a broken run."""
    shutil.rmtree(out_dir, ignore_errors=True)
    cmd = [docnb, "run", "-j", str(jobs), "--kernel", KERNEL, "--out", out_dir, src_dir]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, cwd=os.path.dirname(src_dir))
    wall = time.perf_counter() - t0
    m = SUMMARY.findall(proc.stdout)
    if proc.returncode != 0 or not m:
        raise DocnbFailure(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}")
    passed, failed, skipped = map(int, m[-1])
    if failed or skipped or passed != expect_cells:
        raise DocnbFailure(
            f"{' '.join(cmd)}: {passed} passed, {failed} failed, {skipped} skipped "
            f"(expected {expect_cells} passed):\n{proc.stdout}")
    executed = {}
    for dirpath, _, files in os.walk(out_dir):
        for f in files:
            if f.endswith(".ipynb"):
                executed[f] = nbformat.read(os.path.join(dirpath, f), as_version=4)
    return wall, executed


# ---------------------------------------------------------------- comparison

def coalesce_streams(outputs):
    """Merge consecutive stream outputs of the same name, as nbconvert's
    coalesce_streams does: ipykernel may send `print(i)` as "i" then "\\n",
    and whether it does is timing, not a difference between the tools."""
    merged = []
    for o in json.loads(json.dumps(outputs)):
        if isinstance(o.get("text"), list):
            o["text"] = "".join(o["text"])
        if (o.get("output_type") == "stream" and merged
                and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == o.get("name")):
            merged[-1]["text"] += o["text"]
        else:
            merged.append(o)
    return merged


def comparable(nb):
    """What must agree between the tools: per code cell, source, execution
    count and outputs (data, metadata, stream text; streams coalesced)."""
    cells = []
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        cells.append({"source": c.source,
                      "execution_count": c.get("execution_count"),
                      "outputs": coalesce_streams(c.get("outputs", []))})
    return cells


def compare(reference, got):
    """Returns a list of problems (empty when everything matches)."""
    problems = []
    for name, ref in sorted(reference.items()):
        if name not in got:
            problems.append(f"{name}: docnb wrote no executed copy")
            continue
        a, b = comparable(ref), comparable(got[name])
        if len(a) != len(b):
            problems.append(f"{name}: {len(a)} code cells vs {len(b)}")
            continue
        for i, (ca, cb) in enumerate(zip(a, b)):
            if ca != cb:
                problems.append(f"{name} cell {i}: nbclient {json.dumps(ca)[:300]}"
                                f" != docnb {json.dumps(cb)[:300]}")
                break
    return problems


# ---------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docnb", default=os.environ.get(
        "DOCNB", os.path.join(REPO, "build", "docnb")),
        help="docnb binary (default: $DOCNB or build/docnb)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="measurements per figure; medians are reported (default 3)")
    args = ap.parse_args()
    docnb = os.path.abspath(args.docnb)
    if not os.access(docnb, os.X_OK):
        sys.exit(f"execution_overhead: no docnb binary at {docnb} (use --docnb PATH)")
    if args.repeat < 1:
        sys.exit("execution_overhead: --repeat must be at least 1")

    load_before = os.getloadavg()[0]
    root = tempfile.mkdtemp(prefix="docnb-bench-")
    try:
        corpus = write_corpus(root)
        dirs = {k: os.path.dirname(v[0]) for k, v in corpus.items()}
        cells = {"set": SET_NOTEBOOKS * SET_CELLS, "one": 1, "long": LONG_CELLS,
                 "warmup": 1}
        out = os.path.join(root, "out")

        # Warm the page cache and both tools once, untimed.
        run_nbclient(corpus["warmup"], os.path.join(out, "nbclient-warmup"))
        run_docnb(docnb, 1, dirs["warmup"], os.path.join(out, "docnb-warmup"), 1)

        # name -> (tool, workload, jobs)
        plan = [
            ("nbclient set", "nbclient", "set", None),
            ("docnb -j1 set", "docnb", "set", 1),
            ("docnb -j2 set", "docnb", "set", 2),
            ("nbclient one", "nbclient", "one", None),
            ("docnb one", "docnb", "one", 1),
            ("nbclient long", "nbclient", "long", None),
            ("docnb long", "docnb", "long", 1),
        ]
        times = {name: [] for name, *_ in plan}
        reference = {}   # workload -> nbclient's executed notebooks (first repeat)
        problems = []
        compared = 0
        t_start = time.perf_counter()
        for r in range(args.repeat):
            for name, tool, workload, jobs in plan:
                o = os.path.join(out, f"{name.replace(' ', '_')}")
                if tool == "nbclient":
                    shutil.rmtree(o, ignore_errors=True)
                    wall, executed = run_nbclient(corpus[workload], o)
                    reference.setdefault(workload, executed)
                else:
                    wall, executed = run_docnb(docnb, jobs, dirs[workload], o,
                                               cells[workload])
                    problems += [f"[{name}, repeat {r + 1}] {p}"
                                 for p in compare(reference[workload], executed)]
                    compared += len(executed)
                times[name].append(wall)
                print(f"  repeat {r + 1}/{args.repeat}  {name:<14} {wall:7.2f} s",
                      file=sys.stderr, flush=True)
        total = time.perf_counter() - t_start
    finally:
        shutil.rmtree(root, ignore_errors=True)

    med = {k: statistics.median(v) for k, v in times.items()}

    def ratio(a, b):
        return f"{med[a] / med[b]:.2f}x" if med[b] > 0 else "n/a"

    def spread(k):
        return f"{min(times[k]):.2f}-{max(times[k]):.2f}"

    print(f"docnb execution overhead vs nbclient {nbclient.__version__} "
          f"(kernel {KERNEL}, {os.cpu_count()} CPUs, median of {args.repeat}, "
          f"wall seconds)")
    print(f"docnb: {docnb}")
    load_after = os.getloadavg()[0]
    busy = max(load_before, load_after) > (os.cpu_count() or 1)
    print(f"1-min load average: {load_before:.2f} before, {load_after:.2f} after "
          + ("(above the CPU count, other work shared the machine: expect noise)"
             if busy else "(machine otherwise idle)"))
    print()
    hdr = f"{'workload':<26}{'nbclient':>10}{'docnb -j1':>11}{'docnb -j2':>11}" \
          f"{'nbc/j1':>9}{'nbc/j2':>9}"
    print(hdr)
    print("-" * len(hdr))
    print(f"{f'{SET_NOTEBOOKS} nb x {SET_CELLS} cells':<26}"
          f"{med['nbclient set']:>10.2f}{med['docnb -j1 set']:>11.2f}"
          f"{med['docnb -j2 set']:>11.2f}"
          f"{ratio('nbclient set', 'docnb -j1 set'):>9}"
          f"{ratio('nbclient set', 'docnb -j2 set'):>9}")
    print(f"{'1 nb x 1 cell':<26}{med['nbclient one']:>10.2f}"
          f"{med['docnb one']:>11.2f}{'-':>11}"
          f"{ratio('nbclient one', 'docnb one'):>9}{'-':>9}")
    print(f"{f'1 nb x {LONG_CELLS} cells':<26}{med['nbclient long']:>10.2f}"
          f"{med['docnb long']:>11.2f}{'-':>11}"
          f"{ratio('nbclient long', 'docnb long'):>9}{'-':>9}")
    n = LONG_CELLS - 1
    pc_nbc = (med["nbclient long"] - med["nbclient one"]) / n * 1000
    pc_doc = (med["docnb long"] - med["docnb one"]) / n * 1000
    pc_ratio = f"{pc_nbc / pc_doc:.2f}x" if pc_doc > 0 else "n/a"
    print(f"{'per-cell overhead (ms)':<26}{pc_nbc:>10.2f}{pc_doc:>11.2f}{'-':>11}"
          f"{pc_ratio:>9}{'-':>9}")
    print()
    print("min-max per figure: " + ", ".join(f"{k} {spread(k)}" for k, *_ in plan))
    print(f"per-cell overhead = (wall {LONG_CELLS}-cell nb - wall 1-cell nb) / {n}, "
          f"medians; total benchmark time {total:.0f} s")
    if problems:
        print(f"output check: MISMATCH ({len(problems)} of {compared} docnb notebooks "
              f"differ from nbclient's)")
        for p in problems[:10]:
            print("  " + p)
        return 1
    print(f"output check: OK ({compared} docnb notebooks, outputs and execution "
          f"counts equal to nbclient's)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except DocnbFailure as e:
        print(f"output check: MISMATCH (docnb run failed)\n{e}", file=sys.stdout)
        sys.exit(1)
