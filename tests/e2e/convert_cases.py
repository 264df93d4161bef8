"""End-to-end `docnb convert` and `docnb list` on the sample pages and the failing fixtures.

Usage: convert_cases.py CASE
"""
import json
import re
import shlex
import shutil
import sys

import harness
from harness import check, run_docnb

CASES = {}
SAMPLES = harness.SOURCE_DIR / "samples" / "tutorials"
FIXTURES = harness.SOURCE_DIR / "tests" / "fixtures" / "text"


def case(function):
    CASES[function.__name__] = function
    return function


@case
def convert_writes_the_notebook(work):
    shutil.copy(SAMPLES / "04_markdown_page.md", work / "page.md")
    code, out, err = run_docnb("convert", "page.md", "-o", "out/page.ipynb", cwd=work)
    check(code == 0, f"exit code {code}: {err}")
    nb = harness.read_notebook(work / "out/page.ipynb")
    harness.nbformat.validate(nb)
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    check(code_cells[0].metadata["docnb"]["role"] == "setup", "first code cell is the setup")
    second = code_cells[1]
    check(second.source == "squares = [n * n for n in range(5)]\nprint(squares)",
          f"source {second.source!r}")
    check(second.metadata["docnb"]["line"] == 13 and second.metadata["docnb"]["want_line"] == 18,
          f"lines {second.metadata['docnb']}")
    check(second.metadata["docnb"]["want"] == "[0, 1, 4, 9, 16]\n", "want")
    text = (work / "out/page.ipynb").read_text()
    check(text == harness.nbformat.writes(nb) + "\n", "not byte for byte nbformat's text")


@case
def list_prints_example_ids(work):
    for name in ("04_markdown_page.md", "05_rst_page.rst", "06_percent_script.py",
                 "plot_gallery_example.py"):
        shutil.copy(SAMPLES / name, work / name)
    (work / "build").mkdir()
    shutil.copy(SAMPLES / "04_markdown_page.md", work / "build" / "ignored.md")
    (work / "plain_module.py").write_text("x = 1\n")
    code, out, err = run_docnb("list", ".", cwd=work)
    check(code == 0, f"exit code {code}: {err}")
    ids = out.splitlines()
    print(out)
    # The hidden setup block at line 7 is no example: xdoctest and Sphinx list none. Each `>>>`
    # statement of a pycon session is an example (stdlib doctest's parser).
    check(ids[:4] == ["04_markdown_page.md:13", "04_markdown_page.md:24",
                      "04_markdown_page.md:25", "04_markdown_page.md:27"], f"ids {ids[:4]}")
    check("05_rst_page.rst:8" not in ids, "the testsetup block is listed")
    check("05_rst_page.rst:38" in ids, "testcode example missing")
    check("06_percent_script.py:12" in ids, "percent cell missing")
    check("plot_gallery_example.py:19" in ids, "gallery cell missing")
    check(not any("ignored" in i or "plain_module" in i for i in ids), "build/ or a plain module listed")


@case
def convert_reports_bad_input(work):
    (work / "bad.md").write_bytes(b"# T\n\n```python\nx = '\xff'\n```\n")
    code, _, err = run_docnb("convert", "bad.md", "-o", "bad.ipynb", cwd=work)
    check(code == 2, f"exit code {code}, want 2")
    check("bad.md:4: not UTF-8" in err, f"error does not name file:line: {err}")
    (work / "open.md").write_text("```python\nx = 1\n")
    code, _, err = run_docnb("convert", "open.md", "-o", "open.ipynb", cwd=work)
    check(code == 0 and "open.md:1: code fence is not closed" in err, f"warning: {err}")
    code, _, err = run_docnb("convert", "missing.md", "-o", "m.ipynb", cwd=work)
    check(code == 2, f"missing file: exit code {code}")


@case
def failing_pages_point_at_their_lines(work):
    code, out, err = run_docnb("list", str(FIXTURES / "failing_page.md"), cwd=work)
    check(code == 0, err)
    check([line.rsplit(":", 1)[1] for line in out.splitlines()] == ["4", "14"], out)
    code, _, err = run_docnb("convert", str(FIXTURES / "failing_page.rst"), "-o", "f.ipynb",
                             cwd=work)
    check(code == 0, err)
    cells = [c for c in harness.read_notebook(work / "f.ipynb").cells if c.cell_type == "code"]
    failing = cells[1].metadata["docnb"]
    check((failing["line"], failing["want"], failing["want_line"]) == (8, "5\n", 9),
          f"metadata {failing}")
    # A real run on the default kernel reports each failure at its page and line.
    for page, line in (("failing_page.md", 14), ("failing_page.rst", 8)):
        (work / page).write_bytes((FIXTURES / page).read_bytes())
        code, out, err = run_docnb("run", "--json", "report.json", page, cwd=work)
        check(code == 1, f"{page}: exit {code}\n{out}{err}")
        check(f"{page}:{line} " in out, f"{page}: no failure at line {line}:\n{out}")
        failed = [e for e in json.loads((work / "report.json").read_text())["examples"]
                  if e["status"] == "failed"]
        check([(e["file"], e["line"]) for e in failed] == [(page, line)], f"{failed}")


@case
def failing_hidden_setup_fails_the_page(work):
    """Hidden setup code is no example of its own, but a page whose setup fails must fail."""
    (work / "page.md").write_text("# Setup that breaks\n\n"
                                  "<!-- invisible-code-block: python\n"
                                  "import no_such_module_docnb\n"
                                  "-->\n\n"
                                  "```python\nprint('ran')\n```\n")
    (work / "page.rst").write_text(".. testsetup::\n\n   raise ValueError('setup')\n\n"
                                   ".. testcode::\n\n   print('ran')\n\n"
                                   ".. testoutput::\n\n   ran\n")
    for page, line, reason in (("page.md", 4, "ModuleNotFoundError"),
                               ("page.rst", 3, "ValueError: setup")):
        code, out, err = run_docnb("run", "--json", "report.json", page, cwd=work)
        check(code == 1, f"{page}: exit {code}\n{out}{err}")
        check(f"{page}:{line}" in out and reason in out, f"{page}: {out}")
        examples = json.loads((work / "report.json").read_text())["examples"]
        statuses = sorted((e["line"], e["status"]) for e in examples)
        check(statuses[0] == (line, "failed") and len(statuses) == 2, f"{page}: {statuses}")
    # A setup that runs is not counted at all: one example, passed.
    (work / "good.md").write_text("<!-- invisible-code-block: python\nx = 1\n-->\n\n"
                                  "```python\nprint(x)\n```\n")
    code, out, err = run_docnb("run", "good.md", cwd=work)
    check(code == 0 and out.strip().endswith("1 passed, 0 failed, 0 skipped"), out + err)



@case
def skipif_is_evaluated_in_the_kernel(work):
    """Sphinx doctest's `:skipif:` is an expression in the page's namespace, decided when the
    block is reached (after testsetup and the blocks above)."""
    (work / "page.rst").write_text(
        ".. testsetup::\n\n   FLAG = True\n\n"
        ".. testcode::\n   :skipif: FLAG\n\n   raise SystemExit('must not run')\n\n"
        ".. testcode::\n   :skipif: not FLAG\n\n   print('runs')\n\n"
        ".. testoutput::\n\n   runs\n\n"
        ".. testcode::\n   :skipif: undefined_name\n\n   still_runs = True\n")
    code, out, err = run_docnb("run", "--json", "report.json", "page.rst", cwd=work)
    check(code == 0 and out.strip().endswith("2 passed, 0 failed, 1 skipped"), out + err)
    check("page.rst:22: :skipif: undefined_name raised NameError" in out, out)
    examples = {e["line"]: e for e in json.loads((work / "report.json").read_text())["examples"]}
    check(examples[8]["status"] == "skipped" and "FLAG" in examples[8]["reason"], f"{examples}")


@case
def readme_list_and_convert_examples_run(work):
    # The README's examples of `docnb list` and `docnb convert`, run as written from a copy of
    # the repository's samples, so that the documentation cannot drift from the commands.
    readme = (harness.SOURCE_DIR / "README.md").read_text()
    commands = [line.split("#")[0].strip()
                for block in re.findall(r"```sh\n(.*?)```", readme, re.S)
                for line in block.splitlines()
                if line.startswith(("build/docnb list", "build/docnb convert"))]
    # Listing torch is the torch listing test's own command (docstring_cases.py); it is slow.
    commands = [c for c in commands if "--module torch" not in c]
    check(any(" list " in f" {c} " for c in commands) and any(" convert " in c for c in commands),
          f"the README shows no list and convert example: {commands}")
    shutil.copytree(harness.SOURCE_DIR / "samples", work / "samples",
                    ignore=shutil.ignore_patterns("executed", "_build", ".docnb"))
    for command in commands:
        args = shlex.split(command)[1:]
        code, out, err = run_docnb(*args, cwd=work)
        check(code == 0, f"{command}: exit {code}: {err}")
        if args[0] == "list":
            check(out.strip(), f"{command}: printed nothing")
        else:
            written = work / args[args.index("-o") + 1]
            harness.nbformat.validate(harness.read_notebook(written))
    # The id the README quotes as an example of what `list` prints.
    quoted = re.search(r"e\.g\.\n`([^`]+)`", readme).group(1)
    code, out, err = run_docnb("list", "samples/tutorials/", cwd=work)
    check(quoted in out.splitlines(), f"the README's example id {quoted} is not listed:\n{out}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
