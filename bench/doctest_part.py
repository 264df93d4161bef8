#!/usr/bin/python3
"""Kernel CPU per doctest part: the part run as an IPython cell (as docnb sent it before) against
the same part run through docnb's doctest runner (converters/python/doctest_part.py, the
one-line call docnb sends now), in one IPython shell, interleaved, in one run.

Both send the cell through IPython's run_cell with history on, as a kernel does; the runner's
call adds its own work (compiling the part, swapping the displayhook, hiding IPython's names)
and drops IPython's displayhook and formatters. The figure is process CPU per part, the median
of --repeat rounds of --parts parts, and the ratio. What the runner shows for each part is
checked first, so a broken runner cannot pass for a fast one.

Usage: /usr/bin/python3 bench/doctest_part.py [--repeat N] [--parts N]
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

RUNNER = Path(__file__).resolve().parents[1] / 'converters/python/doctest_part.py'
# Typical docstring parts: an assignment, an expression, a loop that prints, a value after text.
PARTS = ["x = [i * i for i in range(20)]", "sum(x)", "for i in range(3):\n    print(i)",
         "print('a', end=''); 5"]
SHOWN = ['', '2470\n', '0\n1\n2\n', 'a5\n']  # what the REPL shows for each


def as_call(part):
    return f"__import__('__docnb_doctest').run(globals(), {part!r}, 'single', 'page.md', 1)"


def cpu_per_part(shell, make, count):
    started = time.process_time()
    with capture_output():
        for k in range(count):
            shell.run_cell(make(PARTS[k % len(PARTS)]), store_history=True)
    return (time.process_time() - started) / count * 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--repeat', type=int, default=5)
    parser.add_argument('--parts', type=int, default=2000)
    args = parser.parse_args()
    exec(compile(RUNNER.read_text(), str(RUNNER), 'exec'), {'__name__': '__docnb_doctest'})
    shell = InteractiveShell.instance()
    shell.display_formatter.formatters['text/plain'].pprint = False
    for part, shown in zip(PARTS, SHOWN):
        with capture_output() as runner:
            shell.run_cell(as_call(part))
        if runner.stdout != shown:
            sys.exit(f'the runner shows {runner.stdout!r} for {part!r}, not {shown!r}')
    cell, call = [], []
    for _ in range(args.repeat):
        cell.append(cpu_per_part(shell, lambda part: part, args.parts))
        call.append(cpu_per_part(shell, as_call, args.parts))
    a, b = statistics.median(cell), statistics.median(call)
    print(f'IPython cell: {a:.0f} us CPU per part; doctest runner call: {b:.0f} us; '
          f'ratio {b / a:.2f}')


if __name__ == '__main__':
    main()
