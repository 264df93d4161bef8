"""Listing docstring examples: docnb vs xdoctest on an installed package (default torch).

Each figure is the median of --repeat interleaved runs, one process per run, start-up
included for both tools:
  xdoctest  `python -m xdoctest PKG --style=STYLE --command=list` (its default analysis:
            static for sources, dynamic import for compiled modules)
  docnb     `docnb list --module PKG --style STYLE --attach-calls ''` (xdoctest's set)
  docnb+    the same with the default attach calls (add_docstr & co.)
Correctness guard: every id xdoctest lists from a source file must be in docnb's list.
Exits 77 when PKG is not importable.
"""
import argparse
import importlib.util
import statistics
import subprocess
import sys
import time


def timed(argv):
    start = time.monotonic()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    return time.monotonic() - start, done.stdout


def xdoctest_ids(out):
    ids = set()
    for line in out.splitlines():
        words = line.split()
        if words[:3] == ["python", "-m", "xdoctest"] and len(words) == 5:
            ids.add(f"{words[3]}::{words[4]}")
    return ids


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docnb", default="build/docnb")
    parser.add_argument("--package", default="torch")
    parser.add_argument("--style", default="google")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if importlib.util.find_spec(args.package) is None:
        print(f"{args.package} is not importable: skipped")
        return 77
    runs = {
        "xdoctest": [sys.executable, "-m", "xdoctest", args.package, f"--style={args.style}",
                     "--command=list"],
        "docnb": [args.docnb, "list", "--module", args.package, "--style", args.style,
                  "--attach-calls", ""],
        "docnb+attach": [args.docnb, "list", "--module", args.package, "--style",
                         args.style],
    }
    times = {name: [] for name in runs}
    outputs = {}
    for _ in range(args.repeat):
        for name, argv in runs.items():
            seconds, out = timed(argv)
            times[name].append(seconds)
            outputs[name] = out
    theirs = {i for i in xdoctest_ids(outputs["xdoctest"]) if ".py::" in i}
    ours = set(outputs["docnb"].splitlines())
    missing = theirs - ours
    for name in runs:
        count = len(xdoctest_ids(outputs[name])) if name == "xdoctest" else len(
            outputs[name].splitlines())
        print(f"{name:13s} {statistics.median(times[name]):7.2f} s  {count} examples")
    if missing:
        print(f"FAILED: {len(missing)} xdoctest ids missing from docnb, e.g. {sorted(missing)[:3]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
