"""CPython 3.11's own library docs, judged by docnb as `sphinx-build -b doctest` judges them.

Both run the same pages with the same global setup (tests/e2e/sphinx_verdicts_conf.py, which
docnb reads with --sphinx-conf); every example both ran must get the same verdict
(tests/e2e/sphinx_verdicts.py pairs them).

Usage: cpython_docs_cases.py CASE
"""
import sys
from pathlib import Path

import harness
from harness import check
from sphinx_verdicts import docnb_verdicts, make_project, paired, sphinx_verdicts

CASES = {}
SOURCES = Path("/usr/share/doc/python3.11-doc/html/_sources/library")
PAGES = ["fractions", "statistics", "itertools", "re", "decimal"]


# Differences whose cause is outside the rule sets, each printed with its cause on every run. An
# entry that no longer differs is printed too, so that it is removed.
KNOWN = {}


def case(function):
    CASES[function.__name__] = function
    return function


@case
def verdicts_match_sphinx(work):
    if not SOURCES.is_dir():
        harness.skip("python3.11-doc is not installed")
    make_project(work, {f"{page}.rst": (SOURCES / f"{page}.rst.txt").read_text()
                        for page in PAGES})
    sphinx = sphinx_verdicts(work)
    docnb = docnb_verdicts(work, [f"{page}.rst" for page in PAGES])
    both, differing, docnb_only, sphinx_only = paired(sphinx, docnb)
    print(f"examples both ran: {both}; equal verdicts: {both - len(differing)}; "
          f"docnb only: {docnb_only}; Sphinx only: {sphinx_only}")
    unexplained = []
    for page, line, source, reference, verdict in differing:
        cause = KNOWN.get((page, source), "no known cause")
        print(f"  {page}.rst:{line}: Sphinx {reference}, docnb {verdict}: {source[:70]!r}: "
              f"{cause}")
        if (page, source) not in KNOWN:
            unexplained.append((page, line, source))
    for page, source in KNOWN.keys() - {(page, source) for page, _, source, _, _ in differing}:
        print(f"  {page}.rst: {source!r} no longer differs: remove it from KNOWN")
    check(both > 300, f"too few examples paired: {both}")
    check(not unexplained, f"{len(unexplained)} verdicts differ from Sphinx's: {unexplained}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
