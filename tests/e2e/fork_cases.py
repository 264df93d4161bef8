"""Kernels forked from docnb's ipykernel zygote behave as plainly started ones, end to end.

Usage: fork_cases.py CASE
"""
import json
import os
import sys

import harness

# What a kernel can see of how it was started, printed as one JSON line.
FACTS = r'''
import json, os, random, signal, sys
def _signals():
    seen = {}
    for number in range(1, signal.NSIG):
        try:
            seen[number] = repr(signal.getsignal(number))
        except (ValueError, OSError):
            pass
    return seen
print(json.dumps({
    "pid": os.getpid(), "ppid": os.getppid(), "pgid": os.getpgid(0),
    "parent": open(f"/proc/{os.getppid()}/cmdline").read().split("\0"),
    "random": random.random(), "argv": sys.argv, "orig_argv": sys.orig_argv,
    "path": sys.path, "cwd": os.getcwd(), "env": dict(os.environ), "signals": _signals(),
    "blocked": sorted(int(s) for s in signal.pthread_sigmask(signal.SIG_BLOCK, [])),
    "modules": sorted(sys.modules), "main": sys.modules["__main__"].__name__,
    "executable": sys.executable, "flags": repr(sys.flags),
}))
'''
SIGINT_CELL = ("import os, signal, time\ntry:\n    os.kill(os.getpid(), signal.SIGINT)\n"
               "    time.sleep(30)\nexcept KeyboardInterrupt:\n    print('KeyboardInterrupt')\n")
INLINE_CELL = "%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.plot([1, 2, 3]);\n"
DEFAULT_BACKEND_CELL = ("import matplotlib\nprint(matplotlib.get_backend())\n"
                        "plt.figure(); plt.plot([3, 2, 1]); plt.show()\n")


def run(work, *options, expect_code=0, env=None):
    code, out, err = harness.run_docnb("run", "--no-cache", *options, ".", cwd=work, env=env)
    print(out, err)
    harness.check(code == expect_code, f"docnb exited {code}, want {expect_code}")
    return out + err


def printed(work, name, cell=0):
    nb = harness.read_notebook(harness.executed_path(work, name))
    return "".join(o.get("text", "") for o in nb.cells[cell].outputs if o.output_type == "stream")


def facts_of(work, names):
    return {name: json.loads(printed(work, name)) for name in names}


def output_kinds(work, name, cell):
    nb = harness.read_notebook(harness.executed_path(work, name))
    return [(o.output_type, sorted(o.get("data", {}))) for o in nb.cells[cell].outputs]


def same_but_connection_file(forked, plain):
    """Command lines equal but for the connection file's path, which is fresh per kernel."""
    at = forked.index("-f") + 1
    return forked[:at] == plain[:at] and forked[at + 1:] == plain[at + 1:]


def forked_kernels_behave_as_plain_ones():
    work = harness.workdir()
    names = ["a.ipynb", "b.ipynb", "c.ipynb"]
    for name in names:
        harness.write_notebook(work / name, [FACTS, SIGINT_CELL, INLINE_CELL, DEFAULT_BACKEND_CELL])
    env = {"DOCNB_FORK_TEST": "visible"}
    run(work, "-j", "2", env=env)
    forked = facts_of(work, names)
    kinds = {name: [output_kinds(work, name, c) for c in (2, 3)] for name in names}
    run(work, "-j", "2", "--no-fork", env=env)
    plain = facts_of(work, names)

    # One kernel per source, each a separate process and process group drawing its own numbers.
    for facts in (forked, plain):
        harness.check(len({f["pid"] for f in facts.values()}) == 3, f"pids: {facts}")
        harness.check(len({f["random"] for f in facts.values()}) == 3, "random draws repeat")
        harness.check(all(f["pgid"] == f["pid"] for f in facts.values()), "not group leaders")
    # Forked: all children of one zygote; --no-fork: children of docnb itself.
    harness.check(len({f["ppid"] for f in forked.values()}) == 1, "several zygotes")
    zygote = forked["a.ipynb"]["parent"]
    harness.check("--fork-server" in zygote and zygote[0] == "/usr/bin/python3",
                  f"the forked kernels' parent is {zygote}")
    for f in plain.values():
        harness.check(os.path.basename(f["parent"][0]) == "docnb", f"plain parent {f['parent']}")

    for name in names:
        f, p = forked[name], plain[name]
        harness.check(same_but_connection_file(f["argv"], p["argv"]),
                      f"sys.argv {f['argv']} != {p['argv']}")
        harness.check(same_but_connection_file(f["orig_argv"], p["orig_argv"]),
                      f"sys.orig_argv {f['orig_argv']} != {p['orig_argv']}")
        for key in ("path", "cwd", "env", "signals", "blocked", "main", "executable", "flags"):
            harness.check(f[key] == p[key], f"{name}: {key} differs:\n  forked {f[key]}\n"
                                            f"  plain  {p[key]}")
        harness.check(f["env"].get("DOCNB_FORK_TEST") == "visible", "environment not passed")
        harness.check(f["cwd"] == str(work), f"cwd {f['cwd']}")
        # The one documented difference: modules the zygote imported. By default, none that
        # a plain start does not import too.
        extra = sorted(set(f["modules"]) - set(p["modules"]))
        harness.check(not extra, f"modules only the forked kernel has: {extra}")
        for cell, what in ((1, "KeyboardInterrupt\n"),):
            harness.check(printed(work, name, cell) == what, f"{name} cell {cell}")
        harness.check(printed(work, name, 3) == "module://matplotlib_inline.backend_inline\n",
                      f"default backend: {printed(work, name, 3)!r}")
        plain_kinds = [output_kinds(work, name, c) for c in (2, 3)]
        harness.check(kinds[name] == plain_kinds, f"{name}: {kinds[name]} != {plain_kinds}")
        harness.check(("display_data", ["image/png", "text/plain"]) in kinds[name][0],
                      f"no inline figure: {kinds[name]}")


def kernels_end_as_plain_ones_do():
    """atexit handlers run and a file left open is flushed when the kernel ends, forked or not
    (a forked kernel skips tearing down the zygote's modules, nothing a program sees)."""
    cell = ("import atexit, os\n"
            "atexit.register(lambda: open(os.environ['MARK'] + '.atexit', 'w').write('ran'))\n"
            "left_open = open(os.environ['MARK'] + '.open', 'w')\n"
            "left_open.write('flushed')")
    for options in ([], ["--no-fork"]):
        work = harness.workdir()
        harness.write_notebook(work / "a.ipynb", [cell])
        mark = str(work / "mark")
        run(work, *options, env={"MARK": mark})
        for suffix, text in ((".atexit", "ran"), (".open", "flushed")):
            path = mark + suffix
            harness.check(os.path.exists(path) and open(path).read() == text,
                          f"{options}: {path} missing or not {text!r}")


def forked_kernels_start_no_process_of_their_own():
    """What every kernel would find out the same way (jupyter_client runs `ip` for the local
    addresses) is found out once in the zygote: a forked kernel has waited for no child
    process by its first cell, where a plain start has (the control half of this test)."""
    cell = "import resource\nprint(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    work = harness.workdir()
    for name in ("a.ipynb", "b.ipynb"):
        harness.write_notebook(work / name, [cell])
    run(work, "-j", "2")
    for name in ("a.ipynb", "b.ipynb"):
        harness.check(printed(work, name).strip() == "0",
                      f"{name}: a forked kernel waited for a child: {printed(work, name)!r}")
    plain = harness.workdir()
    harness.write_notebook(plain / "a.ipynb", [cell])
    run(plain, "--no-fork")
    harness.check(printed(plain, "a.ipynb").strip() != "0",
                  "a plain ipykernel started no process: this test no longer tells anything")


def preloaded_numpy_draws_differ_per_kernel():
    try:
        import numpy  # noqa: F401
    except ImportError:
        harness.skip("numpy is not installed")
    work = harness.workdir()
    names = ["a.ipynb", "b.ipynb"]
    cell = ("import sys\nprint('numpy' in sys.modules)\nimport numpy\n"
            "print(numpy.random.random(), numpy.random.randint(1 << 30))")
    for name in names:
        harness.write_notebook(work / name, [cell])
    run(work, "-j", "2", "--preload", "numpy")
    draws = [printed(work, name).splitlines() for name in names]
    harness.check(all(d[0] == "True" for d in draws), f"numpy was not preloaded: {draws}")
    harness.check(draws[0][1] != draws[1][1], f"both kernels drew {draws[0][1]}")


def unrecognised_kernelspec_starts_plainly_with_one_warning():
    work = harness.workdir()
    spec = work / "kernels" / "wrapped"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": ["/usr/bin/python3", "-c",
                 "from ipykernel import kernelapp; kernelapp.launch_new_instance()",
                 "-f", "{connection_file}"],
        "display_name": "wrapped", "language": "python"}))
    docs = work / "docs"
    docs.mkdir()
    for name in ("a.ipynb", "b.ipynb", "c.ipynb"):
        harness.write_notebook(docs / name, ["import os\nprint(os.getppid())"], kernel="wrapped")
    code, out, err = harness.run_docnb("run", "--no-cache", "-j", "2", "--kernel-path",
                                       str(work / "kernels"), "docs", cwd=work)
    print(out, err)
    harness.check(code == 0, f"exit code {code}")
    warnings = [line for line in (out + err).splitlines()
                if "kernels of wrapped start plainly" in line]
    harness.check(len(warnings) == 1, f"want one warning line, got {warnings}")


def fork_false_in_the_project_starts_plainly():
    work = harness.workdir()
    (work / "pyproject.toml").write_text("[tool.docnb]\nfork = false\n")
    harness.write_notebook(work / "a.ipynb", [FACTS])
    run(work)
    parent = facts_of(work, ["a.ipynb"])["a.ipynb"]["parent"]
    harness.check(os.path.basename(parent[0]) == "docnb", f"parent {parent}")


def failing_preload_is_a_warning_and_the_rest_is_preloaded():
    work = harness.workdir()
    cell = "import sys\nprint('colorsys' in sys.modules, 'colorsys' in dir())"
    harness.write_notebook(work / "a.ipynb", [cell])
    for kernel in ("python3", "docnb-python"):
        output = run(work, "--kernel", kernel, "--preload", "docnb_no_such_module,colorsys")
        warnings = [line for line in output.splitlines()
                    if "cannot preload docnb_no_such_module" in line]
        harness.check(len(warnings) == 1, f"{kernel}: want one warning line, got {warnings}")
        harness.check(printed(work, "a.ipynb") == "True False\n",
                      f"{kernel}: {printed(work, 'a.ipynb')!r}")


def killing_the_zygote_fails_only_what_was_running():
    work = harness.workdir()
    kill = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nimport time; time.sleep(30)"
    where = "import os\nprint(open(f'/proc/{os.getppid()}/cmdline').read().split(chr(0))[0])"
    harness.write_notebook(work / "a.ipynb", [kill])
    for name in ("b.ipynb", "c.ipynb", "d.ipynb"):
        harness.write_notebook(work / name, [where])
    report = work / "report.json"
    output = run(work, "-j", "1", "--json", str(report), expect_code=1)
    status = {e["example"].split("::")[0]: e["status"] for e in
              json.loads(report.read_text())["examples"]}
    harness.check(status == {"a.ipynb": "failed", "b.ipynb": "passed", "c.ipynb": "passed",
                             "d.ipynb": "passed"}, f"verdicts {status}")
    # b's kernel, forked before the zygote died, died with it and was started again plainly.
    for name in ("b.ipynb", "c.ipynb", "d.ipynb"):
        harness.check(os.path.basename(printed(work, name).strip()) == "docnb",
                      f"{name} ran under {printed(work, name)!r}")
    warnings = [line for line in output.splitlines() if "fork server exited" in line]
    harness.check(len(warnings) == 1, f"want one warning line, got {warnings}")


CASES = {f.__name__: f for f in (
    forked_kernels_behave_as_plain_ones, kernels_end_as_plain_ones_do,
    forked_kernels_start_no_process_of_their_own, preloaded_numpy_draws_differ_per_kernel,
    unrecognised_kernelspec_starts_plainly_with_one_warning,
    fork_false_in_the_project_starts_plainly,
    failing_preload_is_a_warning_and_the_rest_is_preloaded,
    killing_the_zygote_fails_only_what_was_running)}

if __name__ == "__main__":
    CASES[sys.argv[1]]()
    print(sys.argv[1], "OK")
