"""End-to-end: the pytest plugin (python/pytest_docnb) with Debian's pytest and pytest-xdist,
against the docnb binary it drives. Every pytest run is a real subprocess on real kernels.

Usage: pytest_cases.py CASE
"""
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import harness
from harness import DOCNB, SOURCE_DIR, check, run_docnb

sys.path.insert(0, str(SOURCE_DIR / "python"))
from pytest_docnb.ids import docnb_id_of_node  # noqa: E402  (the mapping under test)

CASES = {}
E2E_DIR = SOURCE_DIR / "tests" / "e2e"
FAILING_DOCSTRINGS = '''"""Two examples: one passes, one fails."""


def add(a, b):
    """
    >>> add(1, 2)
    3
    """
    return a + b


def sub(a, b):
    """
    >>> sub(3, 1)
    5
    """
    return a - b
'''


def case(function):
    CASES[function.__name__] = function
    return function


def project(work):
    """samples/ and fixtures/: pages, a docstring module and notebooks that fail, one whose
    kernel dies so that the cells after it do not run, a page with a misspelt marker."""
    shutil.copytree(SOURCE_DIR / "samples", work / "samples")
    fixtures = work / "fixtures"
    fixtures.mkdir()
    for page in ("failing_page.md", "failing_page.rst"):
        shutil.copy(SOURCE_DIR / "tests" / "fixtures" / "text" / page, fixtures / page)
    (fixtures / "calc.py").write_text(FAILING_DOCSTRINGS)
    (fixtures / "misspelt.md").write_text("<!-- docnb: skp -->\n```python\nprint(1)\n```\n")
    harness.write_notebook(fixtures / "dies.ipynb",
                           ["print(1)", "import os\nos._exit(3)", "print(2)"])
    return ["samples", "fixtures"]


def run_pytest(work, *args, log=None, timeout=280):
    """pytest with the plugin from the source tree (-p pytest_docnb, as the README says);
    returns (exit code, output, {node id: outcome record} from pytest_outcome_log)."""
    env = dict(os.environ, PYTHONPATH=f"{SOURCE_DIR / 'python'}:{E2E_DIR}",
               PYTEST_OUTCOME_LOG=str(log or work / "outcomes.jsonl"))
    open(env["PYTEST_OUTCOME_LOG"], "w").close()
    command = [sys.executable, "-m", "pytest", "-p", "pytest_docnb", "-p", "pytest_outcome_log",
               "--docnb", f"--docnb-bin={DOCNB}", f"--rootdir={work}", "--docnb-opt=--no-cache",
               *args]
    try:
        done = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as hung:
        check(False, f"pytest {' '.join(args)} did not finish within {timeout} s:\n{hung.stdout}")
    outcomes = {}
    with open(env["PYTEST_OUTCOME_LOG"], encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            outcomes.setdefault(record["nodeid"], record)
    return done.returncode, done.stdout + done.stderr, outcomes


def collected_ids(work, *args):
    code, out, _ = run_pytest(work, "--collect-only", "-q", *args)
    check(code == 0, f"pytest --collect-only exited {code}:\n{out}")
    return [line for line in out.splitlines() if "::" in line]


def docnb_statuses(work, paths):
    code, out, err = run_docnb("run", "--no-cache", "--json", "reference.json", *paths, cwd=work)
    check(code in (0, 1), f"docnb run exited {code}:\n{out}\n{err}")
    report = json.loads((work / "reference.json").read_text())
    return {record["example"]: record for record in report["examples"]}


def statuses_of(outcomes):
    return {docnb_id_of_node(node): record["outcome"] for node, record in outcomes.items()}


@case
def collection_ids_are_docnb_list_ids(work):
    paths = project(work)
    nodes = collected_ids(work, *paths)
    code, out, err = run_docnb("list", *paths, cwd=work)
    check(code == 0, f"docnb list exited {code}: {err}")
    listed = out.splitlines()
    check(len(listed) > 40, f"too few examples listed: {listed}")
    mapped = [docnb_id_of_node(node) for node in nodes]
    check(sorted(mapped) == sorted(listed),
          f"node ids do not map to docnb's ids:\n{nodes}\n{listed}")
    # pytest takes its arguments in order, docnb sorts the sources: within a source, the
    # examples come in docnb's order.
    check([i for i in mapped if i.startswith("fixtures/")] + [i for i in mapped
                                                             if i.startswith("samples/")]
          == listed, f"the order within a source differs:\n{mapped}\n{listed}")
    # The README's examples of the mapping, each kind of source.
    for node in ("samples/tutorials/04_markdown_page.md::line13",
                 "samples/tutorials/01_getting_started.ipynb::Cell 2",
                 "samples/mypkg/shapes.py::Square:0", "samples/tutorials/05_rst_page.rst::line14",
                 "samples/tutorials/06_percent_script.py::line7"):
        check(node in nodes, f"{node} not collected: {nodes}")
    # A node id on the command line selects that item alone.
    check(collected_ids(work, "samples/tutorials/04_markdown_page.md::line24")
          == ["samples/tutorials/04_markdown_page.md::line24"], "a node id selects its item")


@case
def outcomes_and_failure_text_match_docnb_run(work):
    paths = project(work)
    reference = docnb_statuses(work, paths)
    code, out, outcomes = run_pytest(work, *paths, "--junitxml=junit.xml")
    check(code == 1, f"pytest exited {code}, expected 1 (examples failed):\n{out}")
    expected = {example: record["status"] for example, record in reference.items()}
    check(statuses_of(outcomes) == expected,
          f"pytest's outcomes differ from docnb's:\n{statuses_of(outcomes)}\n{expected}")
    failed = [example for example, status in expected.items() if status == "failed"]
    # The page's wrong want, the docstring's, the dying kernel and the cell it leaves unrun.
    for example in ("fixtures/failing_page.md:14", "fixtures/calc.py::sub:0",
                    "fixtures/dies.ipynb::Cell 1", "fixtures/dies.ipynb::Cell 2"):
        check(example in failed, f"{example} should fail: {failed}")
    by_id = {docnb_id_of_node(node): record for node, record in outcomes.items()}
    for example in failed:
        text = reference[example]["text"]
        check(text and text in by_id[example]["longrepr"],
              f"{example}: pytest's longrepr is not docnb's failure text:\n"
              f"{by_id[example]['longrepr']}\n--- docnb:\n{text}")
    # docnb's warnings close pytest's report.
    check("docnb warnings" in out and "fixtures/misspelt.md:1: unknown marker" in out,
          f"docnb's warning is not shown:\n{out}")
    page = by_id["fixtures/failing_page.md:14"]["longrepr"]
    check("fixtures/failing_page.md:14" in page and "-expected" in page and "+actual" in page,
          f"the page's failure lacks file:line or the diff:\n{page}")
    check("not run" in by_id["fixtures/dies.ipynb::Cell 2"]["longrepr"],
          "a cell after the kernel died does not say why it did not run")
    # One JUnit testcase per example, failures where docnb failed.
    cases = ElementTree.parse(work / "junit.xml").getroot().iter("testcase")
    cases = list(cases)
    check(len(cases) == len(expected), f"{len(cases)} testcases for {len(expected)} examples")
    failures = [c for c in cases if c.find("failure") is not None]
    check(len(failures) == len(failed), f"{len(failures)} JUnit failures, docnb {len(failed)}")
    skipped = [c for c in cases if c.find("skipped") is not None]
    check(len(skipped) == list(expected.values()).count("skipped"), "JUnit skips differ")


@case
def keyword_selects_and_runs_only_the_selection(work):
    paths = project(work)
    code, out, outcomes = run_pytest(work, *paths, "-k", "shapes and Square")
    check(code == 0, f"pytest -k exited {code}:\n{out}")
    check(sorted(outcomes) == ["samples/mypkg/shapes.py::Square.area:0",
                               "samples/mypkg/shapes.py::Square.scaled:0",
                               "samples/mypkg/shapes.py::Square:0"],
          f"-k selected {sorted(outcomes)}")
    check("deselected" in out, out)
    code, out, outcomes = run_pytest(work, *paths, "-k", "calc", "--deselect",
                                     "fixtures/calc.py::sub:0")
    check(code == 0 and list(outcomes) == ["fixtures/calc.py::add:0"],
          f"--deselect left {list(outcomes)} (exit {code}):\n{out}")


@case
def two_xdist_workers_give_the_outcomes_of_one_process(work):
    paths = project(work)
    code0, out0, serial = run_pytest(work, *paths, "-n", "0", log=work / "serial.jsonl")
    code2, out2, parallel = run_pytest(work, *paths, "-n", "2", log=work / "parallel.jsonl")
    check(code0 == code2 == 1, f"exit codes {code0} and {code2}:\n{out2}")
    check({n: r["outcome"] for n, r in serial.items()}
          == {n: r["outcome"] for n, r in parallel.items()},
          f"-n 2 and -n 0 differ:\n{serial}\n{parallel}")
    check(len(parallel) > 40, f"too few items: {len(parallel)}")
    workers = {}
    for node, record in parallel.items():
        workers.setdefault(node.split("::")[0], set()).add(record["worker"])
    check(all(len(names) == 1 and "" not in names for names in workers.values()),
          f"a source's examples ran on more than one worker: {workers}")
    check(len(set().union(*workers.values())) == 2, f"not both workers were used: {workers}")
    # The longrepr is the same text from a worker.
    check(serial["fixtures/failing_page.md::line14"]["longrepr"]
          == parallel["fixtures/failing_page.md::line14"]["longrepr"], "longreprs differ")


@case
def last_failed_reruns_only_the_failed(work):
    paths = project(work)
    first_code, out, first = run_pytest(work, *paths, "-p", "cacheprovider")
    check(first_code == 1, f"first run exited {first_code}:\n{out}")
    failed = sorted(node for node, record in first.items() if record["outcome"] == "failed")
    code, out, again = run_pytest(work, *paths, "-p", "cacheprovider", "--lf")
    check(sorted(again) == failed, f"--lf ran {sorted(again)}, the failed were {failed}")
    check(all(record["outcome"] == "failed" for record in again.values()), f"{again}")
    # The docstring module ran only its failing example: docnb was given `path::name` for it,
    # and the page and notebook whole (their examples share a kernel).
    logger = work / "logging-docnb"
    logger.write_text(f'#!/bin/sh\necho "$*" >> {work / "argv.log"}\nexec {DOCNB} "$@"\n')
    logger.chmod(0o755)
    code, out, again = run_pytest(work, *paths, "-p", "cacheprovider", "--lf",
                                  f"--docnb-bin={logger}")
    runs = [line for line in (work / "argv.log").read_text().splitlines() if "--json" in line]
    check(len(runs) == 1, f"want one docnb run for the failed examples: {runs}")
    check("fixtures/calc.py::sub:0" in runs[0] and "fixtures/calc.py " not in runs[0] + " "
          and "fixtures/dies.ipynb" in runs[0] and "samples" not in runs[0],
          f"--lf ran: {runs[0]}")


@case
def docnb_refusals_are_pytest_usage_errors(work):
    paths = project(work)
    for option, says in (("--docnb-opt=--no-such-option", "--no-such-option"),
                         ("--docnb-opt=--float-tolerance x", "bad float tolerance"),
                         ("--docnb-opt=--sanitize nonsense", "nonsense")):
        code, out, outcomes = run_pytest(work, *paths, option)
        check(code == 4, f"{option}: exit {code}, expected pytest's usage error 4:\n{out}")
        check("ERROR:" in out and says in out, f"{option}: docnb's message not shown:\n{out}")
        check(not outcomes, f"{option}: items ran")
    code, out, _ = run_pytest(work, "samples", "--docnb-bin=/nonexistent/docnb")
    check(code == 4 and "--docnb-bin" in out, f"a missing binary: exit {code}:\n{out}")
    # An unreadable notebook is a collection error naming it; the other sources still run.
    (work / "fixtures" / "broken.ipynb").write_text("{ not json")
    code, out, outcomes = run_pytest(work, *paths, "--continue-on-collection-errors")
    check(code == 1 and "ERROR collecting fixtures/broken.ipynb" in out, f"exit {code}:\n{out}")
    check("broken.ipynb" in out.split("ERROR collecting fixtures/broken.ipynb")[1],
          "the collection error does not name the file")
    check(len(outcomes) > 40, f"the other sources did not run: {len(outcomes)}")


@case
def run_list_json_lists_what_the_run_would_check(work):
    paths = project(work)
    code, out, err = run_docnb("list", *paths, cwd=work)
    listed = out.splitlines()
    code, out, err = run_docnb("run", "--list-json", *paths, cwd=work)
    check(code == 0, f"docnb run --list-json exited {code}: {err}")
    records = [json.loads(line) for line in out.splitlines()]
    check([r["id"] for r in records] == listed, "run --list-json and list differ")
    check(all(r["id"].startswith(r["file"]) for r in records), "an id without its file")
    check(not (work / "build").exists(), "--list-json ran something")
    # A selection and a shard narrow it as they narrow the run.
    code, out, err = run_docnb("run", "--list-json", "samples/mypkg/shapes.py::circle_area:0",
                               cwd=work)
    check([json.loads(line)["id"] for line in out.splitlines()]
          == ["samples/mypkg/shapes.py::circle_area:0"], out)
    code, out, err = run_docnb("run", "--list-json", "--shard", "1/2", *paths, cwd=work)
    first = [json.loads(line)["id"] for line in out.splitlines()]
    code, out, err = run_docnb("run", "--list-json", "--shard", "2/2", *paths, cwd=work)
    second = [json.loads(line)["id"] for line in out.splitlines()]
    check(sorted(first + second) == sorted(listed) and first and second, "shards do not cover")
    # Options are checked as the run checks them; an unreadable source is a line of its own.
    code, out, err = run_docnb("run", "--list-json", "--float-tolerance", "x", *paths, cwd=work)
    check(code == 2 and out == "" and "float tolerance" in err, f"{code} {out} {err}")
    (work / "fixtures" / "broken.ipynb").write_text("{ not json")
    code, out, err = run_docnb("run", "--list-json", "fixtures", "missing.md", cwd=work)
    errors = [json.loads(line) for line in out.splitlines() if '"error"' in line]
    check(code == 2 and sorted(e["file"] for e in errors) == ["fixtures/broken.ipynb",
                                                              "missing.md"], f"{code} {out}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
