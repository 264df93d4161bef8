"""End-to-end --update, --diff and --check on .ipynb, Markdown and rst sources, and crash safety
of --update.

Usage: update_cases.py CASE
"""
import difflib
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import harness
from harness import check, executed_notebook, run_docnb

CASES = {}

# These tests write sources, which CI=true forbids; the CI system running them sets it.
os.environ.pop("CI", None)


def case(function):
    CASES[function.__name__] = function
    return function


def edited_after_run(work):
    """nb.ipynb run once, `print('old')` with its output, then edited to `print('new')`: the
    bytes it has now."""
    nb = executed_notebook(work, "nb.ipynb", ["print('old')"])
    nb.cells[0].source = "print('new')"
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    return (work / "nb.ipynb").read_bytes()


def squeeze(line):
    """A diff line without its JSON indentation: '-    "1\\n"' becomes '-"1\\n"'."""
    return re.sub(r"^([-+ ])\s+", r"\1", line.strip())


def changed_lines(before, after):
    return [squeeze(line) for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                           lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def nbformat_text(text):
    """What nbformat.write writes for the notebook in `text`."""
    written = harness.nbformat.writes(harness.nbformat.reads(text, 4))
    return written if written.endswith("\n") else written + "\n"


def without_outputs(text):
    nb = harness.nbformat.reads(text, 4)
    return harness.strip_outputs(nb)


@case
def ipynb_update_rewrites_only_outputs(work):
    nb = executed_notebook(work, "nb.ipynb", ["value = 1\nprint(value)", "value * 10"])
    nb.metadata["custom"] = {"kept": "é"}
    nb.cells.insert(0, harness.nbformat.v4.new_markdown_cell("# Kept as it is"))
    nb.cells[1].source = "value = 2\nprint(value)"  # the code changes, so the output does
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    os.chmod(work / "nb.ipynb", 0o640)
    before = (work / "nb.ipynb").read_text(encoding="utf-8")

    code, out, _ = run_docnb("run", "--update", "nb.ipynb", cwd=work)
    print(out)
    check(code == 1, f"exit code {code}: the run found stale outputs, it must say so")
    # Cells are named as the reports name them: by number among code cells.
    check("UPDATED" in out and "Cells 0, 1" in out, "no line says which cells were written")
    after = (work / "nb.ipynb").read_text(encoding="utf-8")
    changed = changed_lines(before, after)
    check(changed == ['-"1\\n"', '+"2\\n"', '-"10"', '+"20"'],
          f"the diff touches more than the outputs: {changed}")
    check(without_outputs(before) == without_outputs(after), "something besides outputs changed")
    check(after == nbformat_text(after),
          "the file is not what nbformat.write writes")
    check(stat.S_IMODE(os.stat(work / "nb.ipynb").st_mode) == 0o640, "the mode was not kept")
    check(not [p for p in work.iterdir() if p.name.startswith(".nb.ipynb")],
          "a temporary file was left behind")

    code, out, _ = run_docnb("run", "--check", "nb.ipynb", cwd=work)
    check(code == 0, f"--check after --update must pass: {out}")
    mtime = os.stat(work / "nb.ipynb").st_mtime_ns
    time.sleep(0.05)  # so that a rewrite would show in mtime even on coarse clocks
    code, out, _ = run_docnb("run", "--update", "nb.ipynb", cwd=work)
    check(code == 0, f"second --update: {out}")
    check("UPDATED" not in out, f"the second --update claims a write: {out}")
    check(os.stat(work / "nb.ipynb").st_mtime_ns == mtime, "the second --update wrote the file")


@case
def cleared_notebook_is_filled_in(work):
    code, out = harness.run_new_notebook(
        work, ["print('filled')", "# NBVAL_SKIP\nprint('not run')"], "--update")
    check(code == 0, f"never-run cells are not compared, so the run passes: {out}")
    nb = harness.read_notebook(work / "nb.ipynb")
    check(nb.cells[0].outputs[0]["text"] == "filled\n" and nb.cells[0].execution_count == 1,
          f"the cell was not filled in: {nb.cells[0]}")
    check(nb.cells[1].outputs == [] and nb.cells[1].execution_count is None,
          "an NBVAL_SKIP cell was written")


@case
def skipped_and_raising_cells_keep_stored_outputs(work):
    nb = executed_notebook(work, "nb.ipynb", ["print('a')", "print('b')", "print('c')"])
    nb.cells[0].source = "# NBVAL_SKIP\nprint('A')"   # not run: keeps 'a'
    nb.cells[1].source = "print('B'); 1/0"            # a broken cell: not written
    nb.cells[2].source = "print('C')"                 # an output change: written
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    code, out, _ = run_docnb("run", "--update", "nb.ipynb", cwd=work)
    print(out)
    check(code == 1, "the broken cell fails the run")
    updated = harness.read_notebook(work / "nb.ipynb")
    texts = [cell.outputs[0]["text"] for cell in updated.cells]
    check(texts == ["a\n", "b\n", "C\n"], f"outputs after --update: {texts}")


@case
def diff_prints_without_writing(work):
    before = edited_after_run(work)
    code, out, _ = run_docnb("run", "--diff", "nb.ipynb", cwd=work)
    print(out)
    check(code == 1, f"exit code {code}")
    check((work / "nb.ipynb").read_bytes() == before, "--diff wrote the source")
    lines = [squeeze(line) for line in out.splitlines()]
    check('-"old\\n"' in lines and '+"new\\n"' in lines, "the diff does not show the change")
    check("--- nb.ipynb" in lines, "the diff does not name the file")
    code, out, _ = run_docnb("run", "--diff", "--update", "nb.ipynb", cwd=work)
    check('+"new\\n"' in [squeeze(line) for line in out.splitlines()], "--diff --update: no diff")
    check((work / "nb.ipynb").read_bytes() != before, "--diff --update did not write")


@case
def check_and_ci_never_write(work):
    before = edited_after_run(work)
    code, _, err = run_docnb("run", "--check", "--update", "nb.ipynb", cwd=work)
    check(code == 2 and "--check" in err, f"--check --update: exit {code}, {err}")
    code, _, err = run_docnb("run", "--update", "nb.ipynb", cwd=work, env={"CI": "true"})
    check(code == 2 and "CI=true" in err, f"CI=true --update: exit {code}, {err}")
    code, out, _ = run_docnb("run", "nb.ipynb", cwd=work, env={"CI": "true"})
    check(code == 1, f"CI=true fails on the mismatch: {out}")
    check((work / "nb.ipynb").read_bytes() == before, "a source was written")


@case
def source_edited_during_the_run_is_not_overwritten(work):
    nb = executed_notebook(work, "nb.ipynb", ["print('old')"])
    # The cell itself edits its notebook, as a person saving in an editor would meanwhile.
    nb.cells[0].source = "open('nb.ipynb', 'a').write('\\n')\nprint('new')"
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    expected = (work / "nb.ipynb").read_bytes() + b"\n"
    code, out, _ = run_docnb("run", "--update", "nb.ipynb", cwd=work)
    print(out)
    check(code == 2, f"exit code {code}: a refused write is an error")
    check("changed on disk" in out, "the refusal is not reported")
    check((work / "nb.ipynb").read_bytes() == expected, "the edit made meanwhile was lost")
    check(not [p for p in work.iterdir() if p.name.startswith(".nb.ipynb")],
          "a temporary file was left behind")


def text_source_update(work, name, before, after, changed):
    """--update rewrites `name` from `before` to exactly `after`, changing only the lines
    `changed` (diff lines, '-' removed and '+' added); --check then passes and a second
    --update writes nothing."""
    (work / name).write_bytes(before.encode())
    code, out, _ = run_docnb("run", "--update", name, cwd=work)
    print(out)
    check(code == 1, f"exit code {code}: the run found stale outputs, it must say so")
    check("UPDATED" in out, f"no line says the source was written: {out}")
    written = (work / name).read_bytes().decode()
    got = [line for line in difflib.unified_diff(before.splitlines(), written.splitlines(),
                                                 lineterm="", n=0)
           if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    check(got == changed, f"the diff touches more than the outputs: {got}")
    check(written == after, f"the source after --update:\n{written}")

    code, out, _ = run_docnb("run", "--check", name, cwd=work)
    check(code == 0, f"--check after --update must pass: {out}")
    mtime = os.stat(work / name).st_mtime_ns
    time.sleep(0.05)  # so that a rewrite would show in mtime even on coarse clocks
    code, out, _ = run_docnb("run", "--update", name, cwd=work)
    check(code == 0, f"second --update: {out}")
    check("UPDATED" not in out, f"the second --update claims a write: {out}")
    check(os.stat(work / name).st_mtime_ns == mtime, "the second --update wrote the file")


@case
def markdown_update_rewrites_only_outputs(work):
    fence = "```"
    before = (f"# Title\n\nText kept.\n\n{fence}python\nvalue = 2\nprint(value)\n{fence}\n\n"
              f"{fence}output\n1\n{fence}\n\n{fence}python\nprint('new')\n{fence}\n\n"
              f"{fence}pycon\n>>> value * 10\n10\n>>> value + 1\n3\n{fence}\n\n"
              f"{fence}python\nx = 1\n{fence}\n\n{fence}output\n1\n{fence}\n\nEnd.\n")
    after = (f"# Title\n\nText kept.\n\n{fence}python\nvalue = 2\nprint(value)\n{fence}\n\n"
             f"{fence}output\n2\n{fence}\n\n{fence}python\nprint('new')\n{fence}\n\n"
             f"{fence}output\nnew\n{fence}\n\n"
             f"{fence}pycon\n>>> value * 10\n20\n>>> value + 1\n3\n{fence}\n\n"
             f"{fence}python\nx = 1\n{fence}\n\nEnd.\n")
    text_source_update(work, "page.md", before, after, [
        "-1", "+2", f"+{fence}output", "+new", f"+{fence}", "+", "-10", "+20",
        f"-{fence}output", "-1", f"-{fence}", "-"])


@case
def rst_update_rewrites_only_outputs(work):
    before = ("Title\n=====\n\n.. testcode::\n\n   print(2)\n\n.. testoutput::\n\n   1\n\n"
              "A doctest block:\n\n>>> 6 * 7\n41\n>>> 1 + 1\n2\n\n"
              ".. doctest::\n\n   >>> print('a')\n   b\n\nEnd.\n")
    after = ("Title\n=====\n\n.. testcode::\n\n   print(2)\n\n.. testoutput::\n\n   2\n\n"
             "A doctest block:\n\n>>> 6 * 7\n42\n>>> 1 + 1\n2\n\n"
             ".. doctest::\n\n   >>> print('a')\n   a\n\nEnd.\n")
    text_source_update(work, "page.rst", before, after,
                       ["-   1", "+   2", "-41", "+42", "-   b", "+   a"])


@case
def docstring_update_rewrites_only_failing_wants(work):
    q = '"' * 3
    before = ("import math\n\n\n"
              "def area(r):\n"
              f"    {q}Area of a circle.\n\n"
              "    Example:\n"
              "        >>> round(area(1.0), 2)\n"
              "        3.0\n"
              "        >>> print(f'{area(2.0):.1f} and more')\n"
              "        12.6 ...\n"
              "        >>> area(0)  # xdoctest: +IGNORE_WANT\n"
              "        anything\n"
              "        >>> print('C:\\\\\\\\temp')\n"
              "        D:\\\\temp\n"
              f"    {q}\n"
              "    return math.pi * r * r\n\n\n"
              "def raw():\n"
              f"    r{q}\n"
              "    >>> print('back\\\\slash')\n"
              "    old\n"
              f"    {q}\n")
    after = (before.replace("        3.0\n", "        3.14\n")
             .replace("        D:\\\\temp\n", "        C:\\\\temp\n")
             .replace("    old\n", "    back\\slash\n"))
    text_source_update(work, "circle.py", before, after, [
        "-        3.0", "+        3.14", "-        D:\\\\temp", "+        C:\\\\temp", "-    old",
        "+    back\\slash"])


@case
def computed_docstrings_are_reported_and_not_written(work):
    q = '"' * 3
    text = ("def add_docstr(obj, doc):\n    obj.__doc__ = doc\n\n\n"
            "def f():\n    pass\n\n\n"
            f"add_docstr(f, {q}\n    >>> 1 + 1\n    {{two}}\n{q}.format(two=3))\n")
    (work / "attached.py").write_text(text)
    code, out, _ = run_docnb("run", "--update", "attached.py", cwd=work)
    check(code == 1, f"exit {code}: {out}")
    check("attached.py:11: not written back: the docstring is not a plain string literal" in out,
          out)
    check((work / "attached.py").read_text() == text, "a computed docstring was rewritten")


# --- crash safety -------------------------------------------------------------------------

def kill_leftovers_of(folder):
    """SIGKILLs the kernels a killed docnb left behind: their argv names its runtime folder,
    inside `folder` (as does a child killed between fork and exec, still with docnb's argv)."""
    marker = (str(folder) + "/").encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if marker in argv:
            try:
                os.kill(int(entry.name), signal.SIGKILL)
            except ProcessLookupError:
                pass


# A copy of samples/ (notebooks, pages, scripts and the docstring package) with one output made
# stale in each source kind that stores outputs, so that every writer is killed mid-run.
STALE_TEXT = {
    "tutorials/04_markdown_page.md": ("[0, 1, 4, 9, 16]\n```", "[0, 1, 4, 9, 99]\n```"),
    "tutorials/05_rst_page.rst": ("   30\n   10\n", "   31\n   10\n"),
    "mypkg/shapes.py": ("        >>> sq.area()\n        9\n", "        >>> sq.area()\n        8\n"),
}
BATCH = 4  # runs at once: the kernels' start-up, not the kills, is what takes time


def stale_samples(folder):
    """samples/ (without its Sphinx project) with one deterministic output made stale in each
    notebook and in each text source of STALE_TEXT; returns {relative path: bytes}."""
    shutil.copytree(harness.SOURCE_DIR / "samples", folder,
                    ignore=shutil.ignore_patterns("docs", "__pycache__"))
    for path in sorted(folder.rglob("*.ipynb")):
        nb = harness.read_notebook(path)
        outputs = [output for cell in nb.cells if "NBVAL" not in cell.source
                   for output in cell.get("outputs", [])]
        for output in outputs:
            if output.get("output_type") == "stream":
                output["text"] = "stale\n"
                break
            if "text/plain" in output.get("data", {}):
                output["data"]["text/plain"] = "'stale'"
                break
        harness.nbformat.write(nb, str(path))
    for name, (fresh, stale) in STALE_TEXT.items():
        text = (folder / name).read_text()
        check(fresh in text, f"{name} no longer holds {fresh!r}")
        (folder / name).write_text(text.replace(fresh, stale, 1))
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def start_update(folder, old):
    """docnb run --update on a fresh copy of the old sources in `folder`."""
    for name, data in old.items():
        (folder / "src" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "src" / name).write_bytes(data)
    (folder / "runtime").mkdir()
    env = dict(os.environ, XDG_RUNTIME_DIR=str(folder / "runtime"))
    # docnb's own kernel for every source (the notebooks are Python): forked kernels keep the
    # 50 runs short, and what is killed is docnb's writing, whatever the kernel.
    argv = [harness.DOCNB, "run", "--update", "--no-cache", "--kernel", "docnb-python", "-j", "4",
            "--out", str(folder / "out"), str(folder / "src")]
    return subprocess.Popen(argv, cwd=folder, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def run_batch(folders, old, kill_after):
    """Starts an update in each folder, SIGKILLs each one still running `kill_after[i]` seconds
    after its start; returns how long each ran."""
    started = time.monotonic()
    running = {i: start_update(folder, old) for i, folder in enumerate(folders)}
    durations = [0.0] * len(folders)
    while running:
        now = time.monotonic()
        for i, process in list(running.items()):
            if process.poll() is None and now - started < kill_after[i]:
                continue
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.wait()
            durations[i] = now - started
            del running[i]
            kill_leftovers_of(folders[i])
        time.sleep(0.005)
    return durations


def versions(folder):
    return {name: (folder / "src" / name).read_bytes() for name in STALE_NAMES}


# The sources --update rewrites: filled in by the seed runs.
STALE_NAMES = []


@case
def sigkill_during_update_leaves_old_or_new(work):
    iterations = int(os.environ.get("DOCNB_CRASH_ITERATIONS", "50"))
    old = stale_samples(work / "old")
    # The reference new versions, and how long a whole --update takes when BATCH run at once.
    seeds = [work / f"seed{i}" for i in range(BATCH)]
    durations = run_batch(seeds, old, [float("inf")] * BATCH)
    STALE_NAMES.extend(name for name in old if name.endswith(".ipynb") or name in STALE_TEXT)
    new = versions(seeds[0])
    check(all(new[name] != old[name] for name in STALE_NAMES),
          f"the seed run did not update every stale source: "
          f"{[name for name in STALE_NAMES if new[name] == old[name]]}")
    untouched = [name for name in old if name not in STALE_NAMES and
                 (seeds[0] / "src" / name).read_bytes() != old[name]]
    check(not untouched, f"the seed run rewrote sources that were not stale: {untouched}")
    check(all(versions(seed) == new for seed in seeds), "--update is not deterministic")
    longest = max(durations)

    rng = random.Random(int(os.environ.get("DOCNB_CRASH_SEED", "8")))
    outcomes = {"old": 0, "new": 0}
    leftovers = 0
    for first in range(0, iterations, BATCH):
        folders = [work / f"run{i}" for i in range(first, min(first + BATCH, iterations))]
        # Anywhere from start-up to a little past the seed runs' end.
        run_batch(folders, old, [rng.uniform(0, longest * 1.1) for _ in folders])
        for folder in folders:
            for name in STALE_NAMES:
                data = (folder / "src" / name).read_bytes()
                check(data in (old[name], new[name]),
                      f"{folder.name}: {name} is neither the old nor the new version")
                outcomes["old" if data == old[name] else "new"] += 1
            extra = {str(p.relative_to(folder / "src")) for p in (folder / "src").rglob("*")
                     if p.is_file()} - set(old)
            check(all(re.fullmatch(r"(.*/)?\.[^/]+\.docnb-\d+", n) for n in extra),
                  f"{folder.name}: unexpected files {extra}")
            leftovers += len(extra)
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{iterations} kills within {longest:.1f} s runs ({BATCH} at once): sources found "
          f"{outcomes}; {leftovers} hidden temporary files left by kills mid-write")
    check(outcomes["new"] > 0, "no kill landed after a write: the test proved nothing")
    check(outcomes["old"] > 0, "no kill landed before a write: the test proved nothing")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
