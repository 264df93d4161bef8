#!/usr/bin/python3
"""Soak: the 40-notebook x 20-cell corpus of bench/speed.py run many times, counting hangs.

A run that has not exited within --limit seconds (generous: a run takes well under a minute
on two cores) is a hang: it is stopped (SIGTERM, which makes docnb clean up; SIGKILL if that
does not end it) and counted. Every other run must exit 0 with all 800 cells passed. The
last line is `soak: N runs, H hangs, F failed runs`; the script exits 1 unless both are 0.

Usage: /usr/bin/python3 bench/soak.py [--docnb PATH] [--runs 20] [--limit 300]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

import nbformat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from execution_overhead import KERNEL, SUMMARY, make_notebook  # noqa: E402

NOTEBOOKS = 40
CELLS = 20


def write_corpus(folder):
    os.makedirs(folder)
    for k in range(NOTEBOOKS):
        nbformat.write(make_notebook(CELLS), os.path.join(folder, f"nb{k:02d}.ipynb"))


def one_run(docnb, corpus, out, limit):
    """'ok', 'hang' or 'failed: why', and the wall seconds."""
    command = [docnb, "run", corpus, "--kernel", KERNEL, "--no-cache", "-j", "2", "--out", out]
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:
        child = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, text=True)
        try:
            code = child.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            child.terminate()
            try:
                child.wait(timeout=60)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            return "hang", time.perf_counter() - started
        wall = time.perf_counter() - started
        output.seek(0)
        text = output.read()
    found = SUMMARY.findall(text)
    if code != 0 or not found or found[-1] != (str(NOTEBOOKS * CELLS), "0", "0"):
        return f"failed: exit {code}\n{text[-2000:]}", wall
    return "ok", wall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docnb", default=os.path.join("build", "docnb"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--limit", type=float, default=300)
    args = parser.parse_args()
    docnb = os.path.abspath(args.docnb)
    hangs = failures = 0
    with tempfile.TemporaryDirectory(prefix="docnb-soak-") as work:
        corpus = os.path.join(work, "corpus")
        write_corpus(corpus)
        for run in range(1, args.runs + 1):
            verdict, wall = one_run(docnb, corpus, os.path.join(work, "out"), args.limit)
            hangs += verdict == "hang"
            failures += verdict.startswith("failed")
            print(f"  run {run:2}/{args.runs}: {verdict.splitlines()[0]} in {wall:.1f} s",
                  flush=True)
            if verdict.startswith("failed"):
                print(verdict)
    print(f"soak: {args.runs} runs of {NOTEBOOKS} notebooks x {CELLS} cells "
          f"(--kernel {KERNEL} --no-cache -j 2), {hangs} hangs (limit {args.limit:.0f} s), "
          f"{failures} failed runs")
    return 0 if hangs == 0 and failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
