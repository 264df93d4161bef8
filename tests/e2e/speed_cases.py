"""End-to-end speed machinery on real kernels: the content cache, shards, progress output,
and the warm kernel pool. No timings are asserted; each case checks behaviour only.

Usage: speed_cases.py CASE
"""
import json
import os
import re
import sqlite3
import sys

import harness
from harness import check, run_docnb

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


# A cell that leaves a trace on disk each time a kernel really runs it.
TRACE = "open('runs.log', 'a').write('ran\\n')\nprint('hello')"


def runs(work):
    log = work / "runs.log"
    return len(log.read_text().splitlines()) if log.exists() else 0


def summary_counts(out):
    match = re.fullmatch(r"docnb: (\d+) passed, (\d+) failed, (\d+) skipped",
                         out.strip().splitlines()[-1])
    check(match is not None, f"last line is not the summary: {out!r}")
    return tuple(int(n) for n in match.groups())


def run_ok(work, *args):
    code, out, err = run_docnb("run", *args, cwd=work)
    print(out, err)
    check(code == 0, f"docnb run {' '.join(args)} exited {code}:\n{out}\n{err}")
    return out, err


def expect_hit(work, *args, why):
    before = runs(work)
    out, err = run_ok(work, *args)
    check(runs(work) == before, f"{why}: the kernel ran again (want a cache hit)")
    check("cached" in out, f"{why}: the source is not reported as served from the cache")
    return out, err


def expect_miss(work, *args, why):
    before = runs(work)
    out, err = run_ok(work, *args)
    check(runs(work) == before + 1, f"{why}: no real run (want a cache miss)")
    check("cached" not in out, f"{why}: reported as cached")
    return out, err


def write_kernelspecs(folder, *names):
    """Copies of Debian's ipykernel spec under other names, for a kernel change."""
    for name in names:
        spec = folder / name
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": name, "language": "python"}))


@case
def cache_hit_starts_no_kernel_and_rewrites_the_output(work):
    harness.write_notebook(work / "nb.ipynb", [TRACE, "1 + 1"])
    out, _ = expect_miss(work, "nb.ipynb", why="first run")
    check(summary_counts(out) == (2, 0, 0), "first run counts")
    first = harness.read_notebook(harness.executed_path(work, "nb.ipynb"))
    (harness.executed_path(work, "nb.ipynb")).unlink()
    out, _ = expect_hit(work, "nb.ipynb", why="nothing changed")
    check(summary_counts(out) == (2, 0, 0), "a hit is counted as the run was")
    again = harness.read_notebook(harness.executed_path(work, "nb.ipynb"))
    check(again == first, "the executed notebook written from the cache differs")
    # --no-cache runs for real, leaves the cache file exactly as it was, and a later run is
    # still served.
    cache = work / ".docnb" / "cache.sqlite"
    stored = cache.read_bytes()
    expect_miss(work, "--no-cache", "nb.ipynb", why="--no-cache")
    check(cache.read_bytes() == stored, "--no-cache wrote to the cache")
    expect_hit(work, "nb.ipynb", why="after --no-cache")
    fresh = work / "fresh"
    fresh.mkdir()
    harness.write_notebook(fresh / "nb.ipynb", [TRACE])
    run_ok(fresh, "--no-cache", "nb.ipynb")
    check(not (fresh / ".docnb" / "cache.sqlite").exists(), "--no-cache created a cache")


@case
def touch_and_markdown_edits_are_hits(work):
    (work / "lib").mkdir()
    (work / "lib" / "helper.py").write_text("VALUE = 1\n")
    harness.write_notebook(work / "nb.ipynb", [TRACE])
    expect_miss(work, "--depends", "lib/*.py", "nb.ipynb", why="first run")
    os.utime(work / "nb.ipynb")
    os.utime(work / "lib" / "helper.py")
    (work / "lib" / "helper.py").write_text("VALUE = 1\n")
    expect_hit(work, "--depends", "lib/*.py", "nb.ipynb", why="touched, unchanged")
    nb = harness.read_notebook(work / "nb.ipynb")
    nb.cells.insert(0, harness.nbformat.v4.new_markdown_cell("# A new title"))
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    expect_hit(work, "--depends", "lib/*.py", "nb.ipynb", why="a markdown edit")
    written = harness.read_notebook(harness.executed_path(work, "nb.ipynb"))
    check(written.cells[0].source == "# A new title", "the output lacks the markdown edit")
    check(written.cells[1].outputs[0]["text"] == "hello\n", "the output lost the cell's output")


@case
def cell_dependency_config_and_kernel_changes_are_misses(work):
    (work / "lib").mkdir()
    (work / "lib" / "helper.py").write_text("VALUE = 1\n")
    specs = work / "kernels"
    write_kernelspecs(specs, "python3", "python3-other")
    base = ["--kernel-path", str(specs), "--depends", "lib/*.py"]
    harness.write_notebook(work / "nb.ipynb", [TRACE])
    expect_miss(work, *base, "nb.ipynb", why="first run")
    expect_hit(work, *base, "nb.ipynb", why="unchanged")

    harness.write_notebook(work / "nb.ipynb", [TRACE + "\nprint('edited')"])
    expect_miss(work, *base, "nb.ipynb", why="a cell edit")
    expect_hit(work, *base, "nb.ipynb", why="after a cell edit")

    (work / "lib" / "helper.py").write_text("VALUE = 2\n")
    expect_miss(work, *base, "nb.ipynb", why="a dependency edit")
    expect_hit(work, *base, "nb.ipynb", why="after a dependency edit")

    (work / "pyproject.toml").write_text('[tool.docnb]\ndepends = ["data/*.csv"]\n')
    (work / "data").mkdir()
    (work / "data" / "table.csv").write_text("1,2\n")
    expect_miss(work, *base, "nb.ipynb", why="depends declared in pyproject.toml")
    expect_hit(work, *base, "nb.ipynb", why="after declaring depends")
    (work / "data" / "table.csv").write_text("1,3\n")
    expect_miss(work, *base, "nb.ipynb", why="a pyproject-declared dependency edit")

    expect_miss(work, *base, "--timeout", "120", "nb.ipynb", why="a config change (--timeout)")
    expect_hit(work, *base, "--timeout", "120", "nb.ipynb", why="same config again")

    expect_miss(work, *base, "--kernel", "python3-other", "nb.ipynb", why="another kernel")
    expect_hit(work, *base, "--kernel", "python3-other", "nb.ipynb", why="same kernel again")


@case
def docstring_module_code_and_environment_changes_are_misses(work):
    """A docstring example imports its module: code outside the docstrings is an input too,
    and so is the virtual environment its kernel imports packages from."""
    module = ("FACTOR = 2\n\n\n"
              "def double(x):\n"
              "    \"\"\"\n"
              "    >>> _ = open('runs.log', 'a').write('ran' + chr(10))\n"
              "    >>> double(3) > 0\n"
              "    True\n"
              "    \"\"\"\n"
              "    return x * FACTOR\n")
    (work / "mymod.py").write_text(module)
    expect_miss(work, "mymod.py", why="first run")
    expect_hit(work, "mymod.py", why="unchanged")
    (work / "mymod.py").write_text(module.replace("FACTOR = 2", "FACTOR = 3"))
    expect_miss(work, "mymod.py", why="an edit of the module outside its docstrings")
    expect_hit(work, "mymod.py", why="after the module edit")
    venv = work / "venv" / "lib" / "python{}.{}".format(*sys.version_info[:2]) / "site-packages"
    venv.mkdir(parents=True)
    expect_miss(work, "--python-path", str(work / "venv"), "mymod.py", why="another environment")
    expect_hit(work, "--python-path", str(work / "venv"), "mymod.py", why="same environment")
    # The module's conversion is kept beside its run; an edit of a docstring converts it anew,
    # and the example it adds runs.
    code, out, _ = run_docnb("cache", "info", cwd=work)
    check(code == 0 and "converted modules: 1" in out, f"cache info: {out}")
    (work / "mymod.py").write_text((work / "mymod.py").read_text() + (
        "\n\ndef triple(x):\n    \"\"\"\n    >>> triple(1)\n    3\n    \"\"\"\n    return 3 * x\n"))
    out, _ = expect_miss(work, "mymod.py", why="a docstring added")
    check(summary_counts(out) == (2, 0, 0), f"the added example did not run: {out}")


@case
def failing_runs_are_not_served_from_the_cache(work):
    harness.write_notebook(work / "nb.ipynb", [TRACE])
    expect_miss(work, "nb.ipynb", why="first run")
    # The stored output now disagrees: the verdict must come from a real run, every time.
    nb = harness.read_notebook(work / "nb.ipynb")
    nb.cells[0].outputs = [harness.nbformat.v4.new_output("stream", name="stdout", text="bye\n")]
    nb.cells[0].execution_count = 1
    harness.nbformat.write(nb, str(work / "nb.ipynb"))
    for attempt in range(2):
        before = runs(work)
        code, out, _ = run_docnb("run", "nb.ipynb", cwd=work)
        print(out)
        check(code == 1, f"attempt {attempt}: exit {code}, want 1")
        check(runs(work) == before + 1, f"attempt {attempt}: a failure was served from cache")
    # A cell that raises fails and is never stored either.
    harness.write_notebook(work / "err.ipynb", ["open('runs.log', 'a').write('ran\\n')\n1/0"])
    for attempt in range(2):
        before = runs(work)
        code, _, _ = run_docnb("run", "err.ipynb", cwd=work)
        check(code == 1 and runs(work) == before + 1, f"raising cell, attempt {attempt}")


@case
def a_failing_module_reruns_only_its_failing_examples(work):
    # Each example appends its name to a log when it runs: what ran is read off the log.
    def module(wrong):
        return ("def good():\n    \"\"\"\n    >>> _ = open('ran.log', 'a').write('good ')\n"
                "    >>> 1 + 1\n    2\n    \"\"\"\n\n"
                "def bad():\n    \"\"\"\n    >>> _ = open('ran.log', 'a').write('bad ')\n"
                f"    >>> 1 + 1\n    {wrong}\n    \"\"\"\n")
    (work / "mod.py").write_text(module(3))
    log = work / "ran.log"

    def run(*args):
        log.unlink(missing_ok=True)
        code, out, err = run_docnb("run", "--json", "report.json", *args, "mod.py", cwd=work)
        verdicts = {e["example"]: e["status"]
                    for e in json.loads((work / "report.json").read_text())["examples"]}
        ran = sorted(log.read_text().split()) if log.exists() else []
        return code, out + err, verdicts, ran

    expected = {"mod.py::good:0": "passed", "mod.py::bad:0": "failed"}
    code, out, verdicts, ran = run()
    check(code == 1 and verdicts == expected and ran == ["bad", "good"], f"first: {ran}\n{out}")
    # Nothing changed: the passing example is served, the failing one runs again, and the
    # verdicts and the executed notebook are those of a whole run.
    for attempt in range(2):
        code, out, verdicts, ran = run()
        check(code == 1 and verdicts == expected and ran == ["bad"],
              f"attempt {attempt}: {ran}\n{out}")
        check("1 from the cache" in out, out)
        executed = harness.read_notebook(work / "build" / "docnb" / "mod.ipynb")
        check(any("'good '" in "".join(c.source) and c.execution_count for c in executed.cells),
              "the served example's cells lost their execution")
    # A kernel per example is another run (module state no longer carries from one example to
    # the next): everything runs once; then the served example gets no kernel, and only the
    # failing one runs.
    code, out, verdicts, ran = run("--fresh-kernel-per-example")
    check(code == 1 and verdicts == expected and ran == ["bad", "good"],
          f"--fresh-kernel-per-example, first: {ran}\n{out}")
    code, out, verdicts, ran = run("--fresh-kernel-per-example")
    check(code == 1 and verdicts == expected and ran == ["bad"] and "1 from the cache" in out,
          f"--fresh-kernel-per-example: {ran}\n{out}")
    # --update runs every part of every example: nothing is served.
    code, out, verdicts, ran = run("--diff")
    check(ran == ["bad", "good"], f"--diff: {ran}\n{out}")
    # The module changed: a miss, everything runs; once it passes, it is a whole hit.
    (work / "mod.py").write_text(module(2))
    code, out, verdicts, ran = run()
    check(code == 0 and ran == ["bad", "good"], f"after the fix: {ran}\n{out}")
    code, out, verdicts, ran = run()
    check(code == 0 and ran == [] and ", cached)" in out, f"after the fix, again: {ran}\n{out}")


@case
def corrupt_cache_is_reported_and_rebuilt(work):
    harness.write_notebook(work / "nb.ipynb", [TRACE])
    expect_miss(work, "nb.ipynb", why="first run")
    cache = work / ".docnb" / "cache.sqlite"
    check(cache.exists(), f"no cache at {cache}")
    for suffix in ("-wal", "-shm"):
        (work / ".docnb" / f"cache.sqlite{suffix}").unlink(missing_ok=True)
    cache.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    _, err = expect_miss(work, "nb.ipynb", why="corrupt cache")
    check("warning" in err and "corrupt" in err and "rebuilt" in err,
          f"no warning about the corrupt cache on stderr: {err!r}")
    _, err = expect_hit(work, "nb.ipynb", why="rebuilt cache")
    check("corrupt" not in err, "the rebuilt cache is reported corrupt again")


@case
def cache_info_and_clear(work):
    code, out, _ = run_docnb("cache", "info", cwd=work)
    check(code == 0 and "none yet" in out and not (work / ".docnb").exists(),
          f"cache info with no cache: {out}")
    harness.write_notebook(work / "nb.ipynb", [TRACE])
    expect_miss(work, "nb.ipynb", why="first run")
    code, out, _ = run_docnb("cache", "info", cwd=work)
    print(out)
    check(code == 0 and "stored runs: 1" in out, f"cache info: {out}")
    check(str(work / ".docnb" / "cache.sqlite") in out, "cache info does not name the file")
    code, out, _ = run_docnb("cache", "clear", cwd=work)
    check(code == 0, f"cache clear exited {code}")
    code, out, _ = run_docnb("cache", "info", cwd=work)
    check("stored runs: 0" in out, f"after clear: {out}")
    expect_miss(work, "nb.ipynb", why="after clear")
    code, _, _ = run_docnb("cache", "bogus", cwd=work)
    check(code == 2, "an unknown cache action is a usage error")


def shard_sets(work, count, *extra):
    """What each of `count` shards ran: notebooks by path, docstring examples by id."""
    seen = []
    for k in range(1, count + 1):
        code, out, _ = run_docnb("run", *extra, "-j", "2", "--shard", f"{k}/{count}", "--json",
                                 f"build/shard{k}.json", "--out", f"build/shard{k}", "docs",
                                 cwd=work)
        print(out)
        check(code == 0, f"shard {k}/{count} exited {code}")
        report = json.loads((work / "build" / f"shard{k}.json").read_text())
        seen.append({e["example"] if "::" in e["example"] and ".py::" in e["example"]
                     else e["file"] for e in report["examples"]})
    return seen


def check_cover(seen, everything, count):
    union = set().union(*seen)
    check(union == everything, f"{count} shards cover {sorted(union)}, not {sorted(everything)}")
    check(sum(len(s) for s in seen) == len(everything), f"{count} shards overlap: {seen}")


@case
def shards_cover_every_source_once(work):
    (work / "docs").mkdir()
    notebooks = {f"docs/nb{i}.ipynb" for i in range(6)}
    for name in notebooks:
        harness.write_notebook(work / name, ["1 + 1"])
    # One slow notebook: once durations are recorded it fills a shard on its own.
    harness.write_notebook(work / "docs" / "slow.ipynb", ["import time\ntime.sleep(1)"])
    notebooks.add("docs/slow.ipynb")
    # A module's examples are independent: shards split them.
    (work / "docs" / "mod.py").write_text("".join(
        f"def f{i}():\n    \"\"\"\n    >>> {i} + 1\n    {i + 1}\n    \"\"\"\n\n\n"
        for i in range(4)))
    examples = {f"docs/mod.py::f{i}:0" for i in range(4)}
    everything = notebooks | examples
    for count in (2, 3):  # by count: nothing recorded yet
        seen = shard_sets(work, count, "--no-cache")
        check_cover(seen, everything, count)
        check(all(s & examples for s in seen), f"the module was not split by example: {seen}")
    run_ok(work, "docs")  # records durations (shard runs never do)
    # What was measured depends on the machine's load (a loaded one makes a 1-cell notebook as
    # slow as the sleeping one); the split is judged on durations pinned after the fact.
    with sqlite3.connect(work / ".docnb" / "cache.sqlite") as db:
        recorded = dict(db.execute("SELECT source, seconds FROM durations"))
        sources = {key for key in recorded if "::" not in key}
        check(sources == notebooks | {"docs/mod.py"}, f"durations recorded: {recorded}")
        # Beside the module's, each of its examples' (engine/unit_durations.hpp).
        per_example = {key.split("@")[0] for key in recorded if "::" in key}
        check(per_example == examples, f"example durations recorded: {recorded}")
        db.execute("UPDATE durations SET seconds = CASE source WHEN 'docs/slow.ipynb' THEN 30 "
                   "ELSE 1 END")
    for count in (2, 3):
        seen = shard_sets(work, count)
        check_cover(seen, everything, count)
        slow = next(s for s in seen if "docs/slow.ipynb" in s)
        # The others together take less than it, so it runs alone.
        check(slow == {"docs/slow.ipynb"}, f"the slow notebook is not alone: {seen}")
    code, _, err = run_docnb("run", "--shard", "4/3", "docs", cwd=work)
    check(code == 2 and "--shard" in err, f"--shard 4/3 must be a usage error: {err}")


@case
def progress_without_a_tty_is_line_based(work):
    for i in range(4):
        harness.write_notebook(work / f"nb{i}.ipynb", [f"print({i})"])
    code, out, _ = run_docnb("run", "-j", "2", ".", cwd=work)
    print(out)
    check(code == 0, f"exit {code}")
    check("\r" not in out and "\x1b" not in out, "carriage returns or escapes without a TTY")
    lines = out.splitlines()
    finished = [line for line in lines if re.match(r"(PASS|FAIL) nb\d\.ipynb \(", line)]
    check(len(finished) == 4, f"want one line per finished source, got {finished}")
    check(len(lines) == 4 + 2, f"want 4 source lines and 2 summary lines, got {lines}")


@case
def progress_on_a_terminal_is_one_line(work):
    """On a TTY: finished sources scroll by above one status line redrawn in place."""
    import pty
    import select
    import subprocess
    for i in range(3):
        harness.write_notebook(work / f"nb{i}.ipynb", [f"print({i})"])
    leader, follower = pty.openpty()
    process = subprocess.Popen([harness.DOCNB, "run", "--no-cache", "-j", "1", "."], cwd=work,
                               stdout=follower, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=120)
    os.close(leader)
    text = seen.decode(errors="replace")
    print(repr(text))
    check(process.returncode == 0, f"exit {process.returncode}")
    check("\r\x1b[K" in text, "the status line is not redrawn in place")
    status = re.findall(r"\[(\d)/3\][^\r\n]*", text)
    check(status, "no done/total status line")
    check(re.search(r"running: nb\d\.ipynb", text), "the status line does not name the running source")
    for i in range(3):
        check(re.search(rf"PASS (\x1b\[0m)?nb{i}\.ipynb", text), f"nb{i} has no line of its own")
    check(text.rstrip().endswith("0 failed, 0 skipped"), "the summary is not last")


@case
def every_notebook_gets_its_own_kernel(work):
    record = "import os\nopen(os.path.join('..', 'pids.log'), 'a').write(f'{os.getpid()}\\n')"
    (work / "docs").mkdir()
    for i in range(5):
        harness.write_notebook(work / "docs" / f"nb{i}.ipynb", [record, "x = 1", "x"])
    fence = "`" * 3
    (work / "docs" / "page.md").write_text(f"{fence}python\n{record}\n{fence}\n")
    (work / "docs" / "page.rst").write_text(
        ".. testcode::\n\n" + "".join(f"   {line}\n" for line in record.split("\n")))
    run_ok(work, "--no-cache", "-j", "2", "docs")
    pids = (work / "pids.log").read_text().split()
    check(len(pids) == 7, f"want 7 runs, got {pids}")
    check(len(set(pids)) == 7, f"two sources shared a kernel: {pids}")


@case
def module_examples_share_a_kernel_unless_asked_otherwise(work):
    """xdoctest's isolation: one process per module, a fresh namespace per example; with
    --fresh-kernel-per-example, one kernel per example."""
    example = ("    Example:\n"
               "        >>> import os\n"
               "        >>> _ = open('pids.log', 'a').write(str(os.getpid()) + chr(10))\n"
               "        >>> 'leak' in globals()\n"
               "        False\n"
               "        >>> leak = 1\n")
    (work / "mod.py").write_text("".join(f"def f{i}():\n    \"\"\"\n{example}    \"\"\"\n\n\n"
                                         for i in range(3)))
    run_ok(work, "--no-cache", "mod.py")
    pids = (work / "pids.log").read_text().split()
    check(len(pids) == 3 and len(set(pids)) == 1, f"the module's examples: {pids}")
    (work / "pids.log").unlink()
    out, _ = run_ok(work, "--no-cache", "--fresh-kernel-per-example", "mod.py")
    check(summary_counts(out) == (3, 0, 0), out)
    pids = (work / "pids.log").read_text().split()
    check(len(pids) == 3 and len(set(pids)) == 3, f"--fresh-kernel-per-example: {pids}")


# Runs in the first notebook's kernel: kills the kernel docnb warmed for the next notebook
# (another child of docnb, the kernel's parent), and records its pid.
KILL_WARM = """
import os, signal, time
me, docnb = os.getpid(), os.getppid()
def siblings():
    found = []
    for entry in os.listdir('/proc'):
        if entry.isdigit() and int(entry) != me:
            try:
                fields = open(f'/proc/{entry}/stat').read().rsplit(')', 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == docnb:
                found.append(int(entry))
    return found
deadline = time.monotonic() + 120
while not siblings() and time.monotonic() < deadline:
    time.sleep(0.05)
victims = siblings()
for pid in victims:
    os.killpg(pid, signal.SIGKILL)
open('killed.log', 'w').write(' '.join(map(str, victims)))
print(len(victims))
"""


@case
def killed_warm_kernel_is_replaced(work):
    harness.write_notebook(work / "a.ipynb", [KILL_WARM])
    harness.write_notebook(work / "b.ipynb", ["import os\nopen('b.log', 'w').write(str(os.getpid()))"])
    out, _ = run_ok(work, "--no-cache", "-j", "1", "a.ipynb", "b.ipynb")
    check(summary_counts(out) == (2, 0, 0), "both notebooks must pass")
    killed = (work / "killed.log").read_text().split()
    check(len(killed) == 1, f"want exactly one warm kernel killed, got {killed}")
    check((work / "b.log").read_text() not in killed, "b ran in the killed kernel")
    a = harness.read_notebook(harness.executed_path(work, "a.ipynb"))
    check(a.cells[0].outputs[0]["text"] == "1\n", "the warm kernel was not found to kill")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
