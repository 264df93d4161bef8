"""End-to-end publishing: docnb executes the samples, nbsphinx renders them without executing.

Usage: sphinx_cases.py CASE
"""
import html
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import harness
from harness import check, run_docnb

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


def sphinx_build(source, target, env):
    return subprocess.run(["/usr/bin/python3", "-m", "sphinx", "-b", "html", "-q", str(source),
                           str(target)], env=env, capture_output=True, text=True, timeout=300)


@case
def executed_samples_render_without_execution(work):
    try:
        import nbsphinx  # noqa: F401  (Debian's python3-nbsphinx)
    except ImportError:
        harness.skip("python3-nbsphinx is not installed")
    if shutil.which("pandoc") is None:
        harness.skip("pandoc is not installed")
    shutil.copytree(harness.SOURCE_DIR / "samples", work / "samples")
    shutil.copytree(work / "samples" / "docs", work / "docs")
    # Sources without stored outputs: whatever output the HTML shows was produced by running
    # the cells. One cell prints a value only docnb's kernels see, so it also shows who ran it.
    mark = "docnb-ran-" + secrets.token_hex(6)
    for path in (work / "samples" / "tutorials").glob("*.ipynb"):
        nb = harness.strip_outputs(harness.read_notebook(path))
        if path.name.startswith("01_"):
            nb.cells.append(harness.nbformat.v4.new_code_cell(
                "import os\nprint('executed by', os.environ.get('DOCNB_SPHINX_MARK'))"))
        harness.nbformat.write(nb, str(path))

    code, out, err = run_docnb("run", "--out", "docs/executed", "samples/", cwd=work,
                               env={"DOCNB_SPHINX_MARK": mark})
    print(out, err)
    check(code == 0, f"docnb run samples/: exit {code}")
    executed = sorted((work / "docs/executed/samples/tutorials").glob("*.ipynb"))
    check(len(executed) >= 4, f"executed notebooks: {executed}")

    first = work / "docs/executed/samples/tutorials/01_getting_started.ipynb"
    check(f"executed by {mark}" in first.read_text(), "docnb's run did not see the mark")
    check('nbsphinx_execute = "never"' in (work / "docs/conf.py").read_text(),
          "the sample project lets nbsphinx execute notebooks")

    # Without the mark in its environment, a kernel nbsphinx started would print "None".
    env = {key: value for key, value in os.environ.items() if key != "DOCNB_SPHINX_MARK"}
    built = sphinx_build(work / "docs", work / "html", env)
    print(built.stdout, built.stderr)
    check(built.returncode == 0, f"sphinx-build failed: {built.returncode}")

    page = work / "html/executed/samples/tutorials"
    getting_started = html.unescape((page / "01_getting_started.html").read_text())
    check("Hello from docnb" in getting_started, "a printed string is missing from the HTML")
    check(f"executed by {mark}" in getting_started,
          "the output of docnb's run is missing: did nbsphinx execute the notebook?")
    images = (page / "04_images.html").read_text()
    sources = re.findall(r'<img[^>]*src="([^"]+\.png)"', images)
    check(sources, "no <img> of the rendered image in the HTML")
    check(all((page / source).resolve().is_file() for source in sources),
          f"the image files are missing: {sources}")
    index = (work / "html/index.html").read_text()
    for notebook in executed:
        check(f"executed/samples/tutorials/{notebook.stem}.html" in index,
              f"the toctree misses {notebook.name}")


RST_SKIPS = """Skips
=====

.. docnb: skip

.. testcode::

   raise ValueError("skipped by docnb's comment")

.. skip: next

>>> 1 + 1
3

.. skip: start

.. doctest::

   >>> print("between start and end")
   wrong

.. testcode::

   raise ValueError("also between start and end")

.. skip: end

>>> print("runs")
runs
"""


@case
def rst_skip_comments_skip_and_leave_no_trace(work):
    (work / "docs").mkdir()
    (work / "docs" / "conf.py").write_text(
        'project = "skips"\nextensions = ["sphinx.ext.doctest"]\n')
    (work / "docs" / "index.rst").write_text(RST_SKIPS)
    code, out, err = run_docnb("run", "--json", "report.json", "docs/index.rst", cwd=work)
    print(out, err)
    check(code == 0, f"exit code {code}, want 0: every failing example is skipped")
    report = json.loads((work / "report.json").read_text())
    got = [(e["example"], e["status"], e["reason"]) for e in report["examples"]]
    want = [("docs/index.rst:8", "skipped", ".. docnb: skip"),
            ("docs/index.rst:12", "skipped", ".. skip: next"),
            ("docs/index.rst:19", "skipped", ".. skip: start"),
            ("docs/index.rst:24", "skipped", ".. skip: start"),
            ("docs/index.rst:28", "passed", "")]
    check(got == want, f"verdicts {got}, want {want}")
    check(report["warnings"] == [], f"warnings: {report['warnings']}")
    built = sphinx_build(work / "docs", work / "html", dict(os.environ))
    print(built.stdout, built.stderr)
    check(built.returncode == 0, f"sphinx-build failed: {built.returncode}")
    page = html.unescape((work / "html" / "index.html").read_text())
    check("also between start and end" in page, "the page itself is missing from the HTML")
    for comment in ("docnb: skip", "skip: next", "skip: start", "skip: end"):
        check(comment not in page, f"the HTML shows the comment {comment!r}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
