"""An nbclient conformance notebook, run by docnb on ipykernel, reproduces its stored outputs.

Usage: nbclient_corpus.py NOTEBOOK [docnb options...]
"""
import sys

import harness

from importlib.metadata import version


def major_minor(package):
    return tuple(int(part) for part in version(package).split(".")[:2])


# Notebooks whose upstream expectations need newer packages than Debian 12 ships. Each is
# checked against the installed version, so the test runs as soon as the package is new enough.
REQUIREMENTS = {
    "JupyterWidgets.ipynb": (
        lambda: major_minor("ipywidgets") >= (7, 0),
        "needs ipywidgets >= 7 (widget-view version 2.0); Debian 12 ships "
        "python3-ipywidgets {}".format(version("ipywidgets"))),
    "Other Comms.ipynb": (
        lambda: major_minor("ipykernel") >= (6, 18),
        "needs ipykernel >= 6.18, the first to register a comm implementation with the comm "
        "package; Debian 12 ships ipykernel {} (nbclient fails the same way here)".format(
            version("ipykernel"))),
}

# What the corpus notebooks need from the environment their kernel runs in.
KERNEL_ENV = {"COLUMNS": "80", "LINES": "24", "IPYKERNEL_CELL_NAME": "<IPY-INPUT>"}


def run_case(name, options, options_for_folder=lambda folder: []):
    """Runs one corpus notebook with docnb and checks its outputs; exits on a difference
    (harness.check), or with harness.SKIP when the installed packages are too old for it.
    options_for_folder: more docnb options, given the folder docnb runs in."""
    if name in REQUIREMENTS and not REQUIREMENTS[name][0]():
        harness.skip(REQUIREMENTS[name][1])
    work = harness.workdir()
    expected = harness.nbclient_corpus_copy(work, name)

    code, out, err = harness.run_docnb("run", "--kernel", "python3", *options,
                                       *options_for_folder(work), name, cwd=work, env=KERNEL_ENV)
    print(out, err)
    check_path = harness.executed_path(work, name)
    harness.check(check_path.exists(), f"no executed notebook at {check_path}")
    problems = harness.notebook_differences(expected, harness.read_notebook(check_path))
    harness.check(not problems, "\n".join(problems))
    print(f"{name}: stored outputs and execution counts reproduced")


if __name__ == "__main__":
    run_case(sys.argv[1], sys.argv[2:])
