"""End-to-end writes under pressure: a full or read-only filesystem costs a clear error per
file, exit 2, and never a partial notebook under its final name or a changed source.

The filesystems are small tmpfs mounts (root only: CI runs as root); where mounting is refused
the case is skipped with the reason.

Usage: writes_cases.py CASE
"""
import contextlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import harness
from harness import check, run_docnb

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


@contextlib.contextmanager
def tmpfs(path, size="300k", read_only=False):
    """A tmpfs of `size` mounted at `path` for the duration of the block."""
    path.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        harness.skip(f"cannot mount a tmpfs at {path}: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=False)


def free_bytes(path):
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


def fill(folder, leave):
    """Takes all but `leave` bytes of the filesystem of `folder` with one file."""
    filler = folder / "filler.bin"
    with open(filler, "wb") as out:
        out.write(b"\0" * max(0, free_bytes(folder) - leave))
    return filler


def printing_notebook(path, size):
    """A notebook whose one cell prints `size` characters: its executed form is that large."""
    return harness.write_notebook(path, [f"print('x' * {size})"])


def hidden_leftovers(folder):
    return [p for p in folder.rglob(".*") if p.is_file()]


def check_error_names_the_file(stdout, label, path, reason):
    """A console line `LABEL .../path: ... reason` names the file itself, not a temporary."""
    pattern = rf"{label} (\S*/)?{re.escape(str(path))}: .*{re.escape(reason)}"
    check(re.search(pattern, stdout), f"no {label} line naming {path} and '{reason}':\n{stdout}")
    check(".docnb-" not in stdout, f"an error names a temporary file:\n{stdout}")


def shown(text):
    """Console text with the long printed lines cut, for the test log."""
    return "\n".join(line[:200] for line in text.splitlines())


def check_every_notebook_is_whole(folder, size):
    """Every .ipynb under `folder` parses with nbformat and holds the whole printed text."""
    for path in folder.rglob("*.ipynb"):
        try:
            nb = harness.read_notebook(path)
        except Exception as error:  # noqa: BLE001 - any parse failure is the finding
            check(False, f"{path} is not a whole notebook: {error}")
        text = "".join(output.get("text", "") for output in nb.cells[0].outputs)
        check(text == "x" * size + "\n", f"{path}: the printed text is not whole")


@case
def out_on_a_full_disk_is_an_error_per_file(work):
    size = 200_000  # one executed notebook fits in 300k, two do not
    names = ["a.ipynb", "b.ipynb", "c.ipynb"]
    for name in names:
        printing_notebook(work / name, size)
    with tmpfs(work / "out") as out:
        code, stdout, stderr = run_docnb("run", "--no-cache", "--out", str(out), *names, cwd=work)
        print(shown(stdout), stderr)
        check(code == 2, f"exit code {code}, want 2")
        written = sorted(p.name for p in out.rglob("*.ipynb"))
        # Two never fit; none may, when two workers write at the same moment.
        check(len(written) <= 1, f"want at most one executed notebook in 300k, got {written}")
        for name in names:
            if name not in written:
                check_error_names_the_file(stdout, "ERROR", out / name, "No space left on device")
        check_every_notebook_is_whole(out, size)
        check(not hidden_leftovers(out), f"temporary files left: {hidden_leftovers(out)}")


@case
def out_on_a_read_only_filesystem_is_an_error_per_file(work):
    names = ["a.ipynb", "b.ipynb"]
    for name in names:
        printing_notebook(work / name, 10)
    with tmpfs(work / "out", read_only=True) as out:
        code, stdout, stderr = run_docnb("run", "--no-cache", "--out", str(out), *names, cwd=work)
        print(shown(stdout), stderr)
        check(code == 2, f"exit code {code}, want 2")
        for name in names:
            check_error_names_the_file(stdout, "ERROR", out / name, "Read-only file system")
        check(not list(out.iterdir()), f"files appeared on a read-only mount: "
                                       f"{list(out.iterdir())}")


def stale_sources(folder, size):
    """Sources whose fresh outputs are `size` characters: a notebook, a Markdown page."""
    nb = printing_notebook(folder / "nb.ipynb", size)
    page = folder / "page.md"
    page.write_text(f"# Page\n\n```python\nprint('y' * {size})\n```\n\n```output\nstale\n```\n")
    return [nb, page]


@case
def update_on_a_full_disk_leaves_sources_unchanged(work):
    with tmpfs(work / "project") as project:
        sources = stale_sources(project, 100_000)
        before = {path: path.read_bytes() for path in sources}
        fill(project, leave=40_000)  # the sources fit; their updated forms do not
        code, stdout, stderr = run_docnb("run", "--update", "--out", str(work / "out"), ".",
                                         cwd=project)
        print(shown(stdout), stderr)
        check(code == 2, f"exit code {code}, want 2")
        for path, original in before.items():
            check(path.read_bytes() == original, f"{path.name} changed on a full disk")
            check_error_names_the_file(stdout, "NOT UPDATED", path.name, "No space left on device")
        check(not [p for p in hidden_leftovers(project) if ".docnb-" in p.name],
              f"temporary files left: {hidden_leftovers(project)}")
        # With room again the same run writes the updates: the refusal was the disk's alone.
        (project / "filler.bin").unlink()
        code, stdout, stderr = run_docnb("run", "--update", "--no-cache", "--out",
                                         str(work / "out"), ".", cwd=project)
        print(shown(stdout), stderr)
        # The page's stale want fails this run too; it is what gets written back.
        check(code == 1, f"with room again: exit code {code}, want 1")
        check(all(path.read_bytes() != before[path] for path in sources),
              "with room again the sources were not updated")
        json.loads((project / "nb.ipynb").read_text())


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
