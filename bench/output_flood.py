#!/usr/bin/python3
"""Memory of an output flood: docnb against nbclient on the same notebook.

One notebook whose only cell prints about 200 MB of stdout, as a loop of print() calls (lines
of about 100 bytes: what a runaway log looks like), and one whose cell writes the same amount
as a single line (one huge message from the kernel). Each is executed by:

  - docnb: `docnb run --no-cache --kernel python3 --max-output-bytes 0` (no bound, so that the
    whole flood is kept and written, as nbclient keeps it), and again with the default bound
    (64 MiB: the output is truncated and the cell fails, which is the point);
  - nbclient: `NotebookClient(nb, kernel_name="python3").execute()` then `nbformat.write`, in a
    process of its own (this script, run with --nbclient IN OUT).

The figure is each process's own peak resident set (VmHWM, read from /proc until it exits:
its kernel's memory is not counted for either tool), printed with the ratio docnb / nbclient
and docnb's peak as a multiple of the output's size. Nothing is asserted.

Usage: /usr/bin/python3 bench/output_flood.py [--docnb PATH] [--megabytes N]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

import nbformat

KERNEL = "python3"


def flood_notebook(path, source):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source)]
    nbformat.write(nb, path)


def peak_of(command, cwd):
    """Runs `command`; returns (exit code, wall seconds, own peak RSS in MiB, output)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:
        child = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT,
                                 text=True)
        peak_kib = 0
        while child.poll() is None:
            try:
                with open(f"/proc/{child.pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak_kib = max(peak_kib, int(line.split()[1]))
            except (OSError, ValueError):
                pass  # exited between poll() and the read
            time.sleep(0.02)
        output.seek(0)
        return child.returncode, time.perf_counter() - started, peak_kib / 1024, output.read()


def run_nbclient(source, target):
    import nbclient
    nb = nbformat.read(source, as_version=4)
    nbclient.NotebookClient(nb, kernel_name=KERNEL).execute()
    nbformat.write(nb, target)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docnb", default=os.path.join("build", "docnb"))
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--nbclient", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.nbclient:
        return run_nbclient(*args.nbclient)
    docnb = os.path.abspath(args.docnb)
    size = args.megabytes * 1_000_000
    lines = size // 100
    sources = {
        "print loop": f"for i in range({lines}):\n    print(f'line {{i:>10}} ' + 'x' * 83)",
        "one line": f"import sys\nsys.stdout.write('x' * {size})",
    }
    print(f"output flood: {args.megabytes} MB of stdout from one cell; peak RSS of the tool's "
          f"own process (kernel not counted)")
    with tempfile.TemporaryDirectory(prefix="docnb-flood-") as work:
        for name, source in sources.items():
            path = os.path.join(work, "flood.ipynb")
            flood_notebook(path, source)
            runs = {
                "nbclient": [sys.executable, os.path.abspath(__file__), "--nbclient", path,
                             os.path.join(work, "nbclient.ipynb")],
                "docnb, no bound": [docnb, "run", "--no-cache", "--kernel", KERNEL,
                                    "--max-output-bytes", "0", path],
                "docnb, default bound": [docnb, "run", "--no-cache", "--kernel", KERNEL, path],
            }
            peaks = {}
            for tool, command in runs.items():
                code, wall, peak, output = peak_of(command, work)
                peaks[tool] = peak
                expected = 1 if tool == "docnb, default bound" else 0
                verdict = "" if code == expected else f"  (exit {code}, want {expected})"
                print(f"  {name:10}  {tool:20}  peak {peak:7.0f} MiB  {wall:6.1f} s{verdict}")
                if verdict:
                    print(output[-2000:])
            output_mib = size / (1 << 20)
            print(f"  {name:10}  docnb / nbclient: {peaks['docnb, no bound'] / peaks['nbclient']:.2f}"
                  f"   docnb / output size: {peaks['docnb, no bound'] / output_mib:.2f}")


if __name__ == "__main__":
    sys.exit(main())
