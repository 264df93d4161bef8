"""Each source is read from disk once per run, by docnb itself: on a cold run, on a warm one
(cache hits), and when --shard reads every source to split them. Counted with strace over
docnb's own threads (kernels, which import a module's file, are other processes and left out).

Usage: read_once_cases.py CASE
"""
import pathlib
import re
import shutil
import subprocess
import sys

import harness
from harness import check

SOURCES = {
    "page.md": '# A page\n\n```pycon\n>>> print("x")\nx\n```\n',
    "page.rst": "A page\n======\n\n>>> print('y')\ny\n",
    "m.py": 'def f():\n    """\n    >>> print("z")\n    z\n    """\n',
    "script.py": "# %%\nprint('w')\n",
}


def traced_opens(work, *args):
    """{source name: how many times docnb's own threads opened it} over one `docnb run`."""
    traces = work / "traces"
    shutil.rmtree(traces, ignore_errors=True)
    traces.mkdir()
    done = subprocess.run(["strace", "-f", "-ff", "-qq", "-e", "trace=openat,clone,clone3",
                           "-o", str(traces / "t"), harness.DOCNB, "run", *args, *SOURCES,
                           "notebook.ipynb"], cwd=work, capture_output=True, text=True,
                          timeout=240)
    check(done.returncode == 0, f"docnb run: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    files = {int(path.name.split(".")[-1]): path.read_text() for path in traces.iterdir()}
    ours = {min(files)}  # the first pid traced is docnb
    changed = True
    while changed:  # threads docnb's threads started (a process started is not docnb)
        changed = False
        for pid in list(ours):
            for match in re.finditer(r"clone3?\((.*)\) = (\d+)", files.get(pid, "")):
                child = int(match.group(2))
                if "CLONE_THREAD" in match.group(1) and child not in ours:
                    ours.add(child)
                    changed = True
    counts = dict.fromkeys([*SOURCES, "notebook.ipynb"], 0)
    for pid in ours:
        for match in re.finditer(r'openat\(AT_FDCWD, "([^"]+)"', files.get(pid, "")):
            name = pathlib.Path(match.group(1)).name
            if name in counts and pathlib.Path(match.group(1)).parent.name != "out":
                counts[name] += 1
    return counts


def each_source_is_read_once_per_run(work):
    if shutil.which("strace") is None:
        harness.skip("strace is not installed")
    for name, text in SOURCES.items():
        (work / name).write_text(text)
    harness.write_notebook(work / "notebook.ipynb", ["print('v')"])
    (work / "pyproject.toml").write_text("[tool.docnb]\n")
    for label, args in [("cold", []), ("warm (cache hits)", []), ("--shard 1/2", ["--shard", "1/2"]),
                        ("--no-cache", ["--no-cache"])]:
        counts = traced_opens(work, "--out", "out", *args)
        print(label, counts)
        check(all(count <= 1 for count in counts.values()), f"{label}: read more than once: {counts}")
        if "--shard" not in args:
            check(all(count == 1 for count in counts.values()), f"{label}: not read: {counts}")


if __name__ == "__main__":
    {"each_source_is_read_once_per_run": each_source_is_read_once_per_run}[sys.argv[1]](
        harness.workdir())
    print("ok")
