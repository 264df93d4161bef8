"""Per-example verdicts of `sphinx-build -b doctest` and of docnb on the same pages, paired.

Sphinx's verdicts are recorded by tests/e2e/sphinx_verdicts_conf.py (copied in as the project's
conf.py, and given to docnb with --sphinx-conf); docnb's come from its JSON report, its
examples' sources and groups from `docnb list --json`. The examples of each doctest group are
paired in order by their source.
"""
import difflib
import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

from harness import check, run_docnb

CONF = Path(__file__).with_name("sphinx_verdicts_conf.py")


def make_project(work, pages):
    """work/src with the recording conf.py and `pages` ({name: text})."""
    (work / "src").mkdir()
    shutil.copy(CONF, work / "src" / "sphinx_verdicts_conf.py")
    (work / "src" / "conf.py").write_text(CONF.read_text())
    for name, text in pages.items():
        (work / "src" / name).write_text(text)
    if "index.rst" not in pages:  # Sphinx's root document
        names = "\n".join(f"   {Path(name).stem}" for name in pages)
        (work / "src" / "index.rst").write_text(f"Pages\n=====\n\n.. toctree::\n\n{names}\n")


def key(source):
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def sphinx_verdicts(work):
    """{(page, group): [(source, verdict)]} in the order Sphinx ran them."""
    built = subprocess.run(["/usr/bin/python3", "-m", "sphinx", "-b", "doctest", "-q",
                            str(work / "src"), str(work / "out")],
                           capture_output=True, text=True, timeout=300)
    check(built.returncode in (0, 1), f"sphinx-build: exit {built.returncode}\n{built.stderr}")
    verdicts = defaultdict(list)
    for line in (work / "src" / "verdicts.jsonl").read_text().splitlines():
        filename, group, source, verdict = json.loads(line)
        if group.endswith(" code)"):  # "default (setup code)": not an example
            continue
        verdicts[(Path(filename).name.split(".")[0], group)].append((key(source), verdict))
    return verdicts


def docnb_verdicts(work, pages, *options):
    """{(page, group): [(source, verdict, line)]} in page order, for the examples docnb ran."""
    pages = [str(work / "src" / page) for page in pages]
    conf = ["--sphinx-conf", str(work / "src" / "sphinx_verdicts_conf.py"), *options]
    code, out, err = run_docnb("list", "--json", *conf, *pages, cwd=work)
    check(code == 0, f"docnb list: exit {code}\n{err}")
    listed = [json.loads(line) for line in out.splitlines()]
    code, out, err = run_docnb("run", "--json", "report.json", *conf, *pages, cwd=work,
                               timeout=300)
    check(code in (0, 1), f"docnb run: exit {code}\n{out}\n{err}")
    report = json.loads((work / "report.json").read_text())
    by_line = defaultdict(list)
    for example in report["examples"]:
        by_line[(Path(example["file"]).stem, example["line"])].append(example["status"])
    verdicts = defaultdict(list)
    for example in listed:
        page = Path(example["file"]).stem
        for part in example["parts"]:
            found = by_line.get((page, part["line"]))
            if not found:
                continue
            # A block in several groups is one example per group, reported in group order.
            verdict = found.pop(0)
            if verdict in ("passed", "failed"):
                verdicts[(page, part.get("group", "default"))].append(
                    (key(part["source"]), verdict, part["line"]))
    return verdicts


def paired(sphinx, docnb):
    """(both ran, [(page, line, source, sphinx's verdict, docnb's)] differing, docnb only,
    Sphinx only)."""
    both, differing, docnb_only, sphinx_only = 0, [], 0, 0
    for group in sorted(set(sphinx) | set(docnb)):
        ours, theirs = docnb.get(group, []), sphinx.get(group, [])
        matcher = difflib.SequenceMatcher(None, [s for s, _, _ in ours], [s for s, _ in theirs],
                                          autojunk=False)
        matched = 0
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                source, verdict, line = ours[block.a + k]
                reference = theirs[block.b + k][1]
                both += 1
                matched += 1
                if verdict != reference:
                    differing.append((group[0], line, source, reference, verdict))
        docnb_only += len(ours) - matched
        sphinx_only += len(theirs) - matched
    return both, differing, docnb_only, sphinx_only


