"""docnb-kernel end to end: docnb finds it with no `jupyter kernelspec install`, runs on it by
default, survives crashes and interrupts as with ipykernel, and honours environments.

Usage: kernel_cases.py CASE
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import harness
from harness import check, run_docnb

BUILD = Path(harness.DOCNB).resolve().parent
KERNELS = BUILD / "share" / "jupyter" / "kernels"
KERNEL = BUILD / "docnb-kernel"
PYTHON_VERSION = "python{}.{}".format(*sys.version_info[:2])

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


def without_jupyter_path():
    """docnb's environment with no JUPYTER_PATH, so that only its own and the system's
    kernelspec folders are searched."""
    return {key: value for key, value in os.environ.items()
            if key not in ("JUPYTER_PATH", "JUPYTER_DATA_DIR", "VIRTUAL_ENV")}


def run_isolated(*args, cwd, env=None, timeout=300):
    full_env = without_jupyter_path()
    full_env.update(env or {})
    done = subprocess.run([harness.DOCNB, *args], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def notebook_with_outputs(path, cells, kernel="python3", language="python"):
    """A notebook whose code cells carry stored stdout, so docnb checks them: cells is a
    list of (source, expected stdout)."""
    nb = harness.nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": language}
    for index, (source, stdout) in enumerate(cells, start=1):
        cell = harness.nbformat.v4.new_code_cell(source, execution_count=index)
        cell.outputs = [harness.nbformat.v4.new_output("stream", name="stdout", text=stdout)]
        nb.cells.append(cell)
    harness.nbformat.write(nb, str(path))
    return path


@case
def input_without_stdin_raises_stdin_not_implemented(work):
    # As on ipykernel: input() and getpass() with allow_stdin false raise IPython's
    # StdinNotImplementedError, not xeus-python's RuntimeError; with --stdin they are answered.
    harness.write_notebook(work / "ask.ipynb", ["name = input('name: ')",
                                                 "import getpass\ngetpass.getpass()",
                                                 "print(input('again: '))"], kernel="docnb-python")
    code, out, err = run_isolated("run", "ask.ipynb", cwd=work)
    print(out, err)
    check(code == 1, f"exit code {code}, want 1")
    nb = harness.read_notebook(harness.executed_path(work, "ask.ipynb"))
    errors = [(o.ename, o.evalue) for cell in nb.cells for o in cell.outputs
              if o.output_type == "error"]
    want = "was called, but this frontend does not support input requests."
    check(errors == [("StdinNotImplementedError", "raw_input " + want),
                     ("StdinNotImplementedError", "getpass " + want),
                     ("StdinNotImplementedError", "raw_input " + want)], str(errors))
    code, out, err = run_isolated("run", "--stdin", "alpha\nbeta\ngamma", "ask.ipynb", cwd=work)
    print(out, err)
    nb = harness.read_notebook(harness.executed_path(work, "ask.ipynb"))
    check(code == 0, f"with --stdin: exit code {code}, want 0")
    check(any(o.get("name") == "stdout" for o in nb.cells[2].outputs),
          f"--stdin not answered: {nb.cells[2].outputs}")


@case
def kernels_lists_docnb_python(work):
    code, out, err = run_isolated("kernels", cwd=work)
    print(out, err)
    check(code == 0, f"exit code {code}")
    line = next((l for l in out.splitlines() if l.startswith("docnb-python\t")), None)
    check(line is not None, "docnb-python is not listed")
    name, display, folder = line.split("\t")
    check(display == "Python 3 (docnb)", f"display name {display!r}")
    check(Path(folder).resolve() == (KERNELS / "docnb-python").resolve(),
          f"listed from {folder}, want the build tree's {KERNELS}")
    spec = json.loads((KERNELS / "docnb-python" / "kernel.json").read_text())
    check(spec["language"] == "python" and spec["interrupt_mode"] == "signal", str(spec))
    check(Path(spec["argv"][0]).resolve() == KERNEL.resolve(), f"argv {spec['argv']}")


@case
def python_notebooks_default_to_docnb_python(work):
    # Its own kernel is not installed, its language is Python: docnb-python runs it.
    notebook_with_outputs(work / "nb.ipynb", [
        ("print(type(get_ipython()).__name__)", "DocnbShell\n")], kernel="no-such-python")
    code, out, err = run_isolated("run", "nb.ipynb", cwd=work)
    print(out, err)
    check(code == 0, f"exit code {code}, want 0")
    # Another language with its kernel missing is an error that lists what is installed.
    harness.write_notebook(work / "julia.ipynb", ["1"], kernel="julia-1.9")
    nb = harness.read_notebook(work / "julia.ipynb")
    nb.metadata["kernelspec"]["language"] = "julia"
    harness.nbformat.write(nb, str(work / "julia.ipynb"))
    code, out, err = run_isolated("run", "julia.ipynb", cwd=work)
    print(out, err)
    check(code == 2, f"exit code {code}, want 2")
    check("julia-1.9" in out and "docnb-python" in out, "the error does not list the kernels")
    # A notebook that names no kernelspec but another language is no Python notebook either.
    harness.write_notebook(work / "r.ipynb", ["1"])
    nb = harness.read_notebook(work / "r.ipynb")
    nb.metadata.pop("kernelspec", None)
    nb.metadata["language_info"] = {"name": "R"}
    harness.nbformat.write(nb, str(work / "r.ipynb"))
    code, out, err = run_isolated("run", "r.ipynb", cwd=work)
    print(out, err)
    check(code == 2 and "language R" in out and "docnb-python" in out, f"exit {code}: {out}")


@case
def crash_exit_and_interrupt_behave_as_with_ipykernel(work):
    # The same notebooks on ipykernel and on docnb-kernel: the same verdicts and reasons.
    cells = {
        "a_segv.ipynb": ["print('before')", "import ctypes\nctypes.string_at(0)", "print(1)"],
        "b_exit.ipynb": ["import os\nos._exit(3)", "print(1)"],
        "c_loop.ipynb": ["i = 0\nwhile True:\n    i += 1", "print('after')"],
        "d_sleep.ipynb": ["import time\nfor _ in range(600): time.sleep(0.1)", "print('after')"],
        "e_fine.ipynb": ["print('fine')"],
    }
    verdicts = {}
    for kernel in ("python3", "docnb-python"):
        folder = work / kernel
        folder.mkdir()
        for name, sources in cells.items():
            harness.write_notebook(folder / name, sources)
        # A generous grace: on a loaded machine ipykernel can take seconds to act on SIGINT,
        # and a kill would then differ from docnb-kernel's interrupt for that reason alone.
        code, out, err = run_isolated("run", "-j", "1", "--kernel", kernel, "--timeout", "3",
                                      "--interrupt-grace", "60", ".", cwd=folder, timeout=280)
        print(kernel, code, out, err)
        # Verdicts and reasons, without timings (and the summary line that has them).
        lines = [re.sub(r", [\d.]+ s\)", ")", line) for line in out.splitlines()
                 if line.strip() and not line.startswith("docnb: ")]
        verdicts[kernel] = (code, lines)
    want, got = verdicts["python3"], verdicts["docnb-python"]
    check(got == want, f"docnb-python {got}\nipykernel {want}")
    out = "\n".join(got[1])
    check("kernel died (signal 11" in out, "segfault not reported")
    check("kernel died (exit code 3)" in out, "os._exit not reported")
    check("timed out after 3 s (interrupted)" in out, "interrupted loop not reported")
    check("ignored the interrupt" not in out, "docnb-kernel had to be killed")
    check(any("PASS e_fine.ipynb" in line for line in got[1]), "the run did not continue")
    for name in ("c_loop.ipynb", "d_sleep.ipynb"):
        nb = harness.read_notebook(harness.executed_path(work / "docnb-python", name))
        enames = [o.get("ename") for o in nb.cells[0].outputs if o.output_type == "error"]
        check("KeyboardInterrupt" in enames, f"{name}: no KeyboardInterrupt error, {enames}")


def fake_environment(root):
    """A venv-like folder: a module of its own, and one that shadows a system package."""
    packages = root / "lib" / PYTHON_VERSION / "site-packages"
    (packages / "nbformat").mkdir(parents=True)
    (packages / "docnb_env_probe.py").write_text("WHERE = 'environment'\n")
    (packages / "nbformat" / "__init__.py").write_text("WHERE = 'environment'\n")
    return root


@case
def python_path_and_virtual_env_come_before_the_system(work):
    env = fake_environment(work / "env")
    notebook_with_outputs(work / "nb.ipynb", [
        ("import docnb_env_probe\nprint(docnb_env_probe.WHERE)", "environment\n"),
        ("import nbformat\nprint(getattr(nbformat, 'WHERE', 'system'))", "environment\n"),
    ])
    # Without the environment the notebook fails: the check below can tell.
    code, out, err = run_isolated("run", "--kernel", "docnb-python", "nb.ipynb", cwd=work)
    print(out, err)
    check(code == 1, f"without an environment: exit code {code}, want 1")
    code, out, err = run_isolated("run", "--kernel", "docnb-python", "--python-path", "env",
                                  "nb.ipynb", cwd=work)
    print(out, err)
    check(code == 0, f"--python-path: exit code {code}, want 0")
    code, out, err = run_isolated("run", "--kernel", "docnb-python", "nb.ipynb", cwd=work,
                                  env={"VIRTUAL_ENV": str(env)})
    print(out, err)
    check(code == 0, f"VIRTUAL_ENV: exit code {code}, want 0")
    # An environment of another Python would be ignored by the kernels: a usage error.
    (work / "env312" / "lib" / "python3.12" / "site-packages").mkdir(parents=True)
    code, out, err = run_isolated("run", "--kernel", "docnb-python", "--python-path", "env312",
                                  "nb.ipynb", cwd=work)
    check(code == 2 and "site-packages" in err and "env312" in err, f"exit {code}: {err}")


@case
def samples_pass_on_the_build_tree_kernel_alone(work):
    code, out, err = run_isolated("run", "--kernel-path", str(KERNELS), "--out",
                                  str(work / "executed"), str(harness.SOURCE_DIR / "samples"),
                                  cwd=work)
    print(out, err)
    check(code == 0, f"exit code {code}, want 0")
    check(re.search(r"^docnb: [1-9]\d* passed, 0 failed", out.splitlines()[-1]) is not None,
          f"summary: {out.splitlines()[-1:]}")


def kernel_start_error(work, broken_module):
    """Starts docnb-kernel with `broken_module` unimportable; returns (exit code, stderr)."""
    from jupyter_client.connect import write_connection_file
    fake = work / f"without-{broken_module}"
    (fake / broken_module).mkdir(parents=True)
    (fake / broken_module / "__init__.py").write_text(
        f"raise ModuleNotFoundError(\"No module named '{broken_module}'\")\n")
    connection, _ = write_connection_file(str(work / f"{broken_module}.json"))
    env = dict(os.environ, PYTHONPATH=str(fake))
    done = subprocess.run([str(KERNEL), "-f", connection], env=env, capture_output=True,
                          text=True, timeout=60)
    print(done.returncode, done.stdout, done.stderr)
    return done.returncode, done.stderr


@case
def missing_python_packages_are_a_clear_error(work):
    for module, package in (("IPython", "python3-ipython"),
                            ("xeus_python_shell", "python3-xeus-python-shell")):
        code, err = kernel_start_error(work, module)
        check(code == 1, f"{module}: exit code {code}, want 1")
        check(f"cannot import {module}" in err and package in err, f"{module}: {err}")
        check("terminate called" not in err and "Traceback" not in err, f"{module}: {err}")


@case
def install_puts_the_kernel_and_its_kernelspec_under_the_prefix(work):
    prefix = work / "prefix"
    done = subprocess.run(["cmake", "--install", str(BUILD), "--prefix", str(prefix)],
                          capture_output=True, text=True, timeout=120)
    print(done.stdout, done.stderr)
    check(done.returncode == 0, "cmake --install failed")
    spec = json.loads((prefix / "share/jupyter/kernels/docnb-python/kernel.json").read_text())
    check(spec["argv"][0] == str(prefix / "bin" / "docnb-kernel"), f"argv {spec['argv']}")
    check((prefix / "bin" / "docnb-kernel").exists(), "docnb-kernel not installed")
    # The pytest plugin goes where Debian's Python reads a prefix other than /usr.
    site = prefix / "lib" / PYTHON_VERSION / "dist-packages"
    check((site / "pytest_docnb" / "plugin.py").exists(), f"no plugin under {site}")
    check(list(site.glob("pytest_docnb-*.dist-info/entry_points.txt")), "no plugin entry point")
    done = subprocess.run([str(prefix / "bin" / "docnb"), "kernels"], capture_output=True,
                          text=True, env=without_jupyter_path(), timeout=60)
    print(done.stdout, done.stderr)
    listed = [l.split("\t") for l in done.stdout.splitlines() if l.startswith("docnb-python\t")]
    check(listed and Path(listed[0][2]) == prefix / "share/jupyter/kernels/docnb-python",
          f"the installed docnb does not find the installed kernelspec: {listed}")


@case
def unknown_kernelspec_is_named_once_and_strict_kernel_refuses_it(work):
    # A Python notebook made in a conda environment that is not installed here: it runs on
    # docnb-python, and the console and both reports say so once for the source.
    notebook_with_outputs(work / "nb.ipynb", [("print(1)", "1\n"), ("print(2)", "2\n")],
                          kernel="conda-env-myenv-py")
    warning = "kernelspec 'conda-env-myenv-py' is not installed; running on docnb-python"
    code, out, err = run_isolated("run", "--json", "report.json", "--junit", "junit.xml",
                                  "nb.ipynb", cwd=work)
    print(out, err)
    check(code == 0, f"exit code {code}, want 0")
    check((out + err).count(warning) == 1, "the console does not name the kernelspec once")
    report = json.loads((work / "report.json").read_text())
    check(report["warnings"] == [{"file": "nb.ipynb", "message": warning}],
          f"JSON warnings: {report['warnings']}")
    junit = harness.ElementTree.parse(work / "junit.xml").getroot()
    check([e.text for e in junit.iter("system-err")] == [f"warning: {warning}\n"],
          "the JUnit report does not carry it once")
    # --strict-kernel: as nbclient's NoSuchKernel, an error and nothing runs.
    code, out, err = run_isolated("run", "--strict-kernel", "--json", "strict.json", "nb.ipynb",
                                  cwd=work)
    print(out, err)
    check(code == 2, f"--strict-kernel: exit code {code}, want 2")
    report = json.loads((work / "strict.json").read_text())
    check(len(report["errors"]) == 1 and "conda-env-myenv-py" in report["errors"][0]["message"]
          and not report["examples"], f"--strict-kernel report: {report}")
    # A notebook whose kernelspec is installed is run on it without a word.
    notebook_with_outputs(work / "own.ipynb", [("print(1)", "1\n")], kernel="docnb-python")
    code, out, err = run_isolated("run", "--strict-kernel", "own.ipynb", cwd=work)
    check(code == 0 and "not installed" not in out + err, f"exit {code}: {out} {err}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
