#!/usr/bin/python3
"""How the HTML report scales: its size and its load time in headless chromium for reports of
10, 100 and 1,000 notebooks.

One real run (`docnb run --json`) over samples/ and the drifted fixtures of the HTML report's
tests (a changed plot, an HTML table, a traceback, a text diff, a timeout) gives the JSON
report; its sources are then repeated, under new folder names, up to each size, and
`docnb report` renders each one, the way CI renders a saved report. Printed per size: the
page's bytes and bytes per notebook (flat when the size grows linearly), docnb report's render
time, the page's load time (navigation start to the load event) and the time the page's
script takes to search every example. Nothing here asserts on timings.

Usage: /usr/bin/python3 bench/html_report.py [--docnb PATH] [--sizes 10,100,1000]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
REPO = Path(__file__).resolve().parents[1]
E2E = REPO / "tests" / "e2e"


def real_report(docnb, work):
    os.environ["DOCNB"] = str(docnb)
    os.environ.setdefault("DOCNB_CORPUS", str(work))
    sys.path.insert(0, str(E2E))
    import html_fixtures  # noqa: E402 (needs DOCNB set)
    html_fixtures.failing_sources(work)
    shutil.copytree(REPO / "samples", work / "samples")
    done = subprocess.run([str(docnb), "run", "--check-images", "--timeout", "3", "--json",
                           "base.json", "samples", "fixtures"], cwd=work, capture_output=True,
                          text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"docnb run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return json.loads((work / "base.json").read_text(encoding="utf-8"))


def scaled(base, notebooks):
    """`base` with its sources repeated (copyK/...) up to `notebooks` sources."""
    sources = [s for s in base["sources"] if any(e["file"] == s["file"] for e in base["examples"])]
    report = dict(base, sources=[], examples=[], errors=[])
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    for k in range(notebooks):
        source = sources[k % len(sources)]
        prefix = f"copy{k // len(sources)}/"
        report["sources"].append(dict(source, file=prefix + source["file"]))
        for example in base["examples"]:
            if example["file"] == source["file"]:
                report["examples"].append(dict(example, file=prefix + example["file"],
                                               example=prefix + example["example"]))
                totals[example["status"]] += 1
    report["totals"] = totals
    return report


def measure(page, path):
    page.open(path)
    load = page.script("const n = performance.getEntriesByType('navigation')[0];"
                       "return n.loadEventEnd - n.startTime;")
    search = page.script("const s = document.getElementById('search'); s.value = 'inverse';"
                         "const t = performance.now(); s.dispatchEvent(new Event('input'));"
                         "const shown = [...document.querySelectorAll('.example')]"
                         "  .filter(e => !e.classList.contains('unmatched')).length;"
                         "return [performance.now() - t, shown];")
    return load, search


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docnb", default=str(REPO / "build" / "docnb"))
    parser.add_argument("--sizes", default="10,100,1000")
    args = parser.parse_args()
    docnb = Path(args.docnb).resolve()
    sys.path.insert(0, str(E2E))
    import browser  # noqa: E402
    why = browser.available()
    if why:
        print("html report: SKIPPED,", why)
        return
    work = Path(tempfile.mkdtemp(prefix="docnb-bench-html-"))
    try:
        base = real_report(docnb, work)
        print(f"html report: one real run, {len(base['sources'])} sources, "
              f"{len(base['examples'])} examples; repeated to each size")
        print(f"{'notebooks':>9} {'examples':>8} {'page':>10} {'per notebook':>12} "
              f"{'render':>8} {'load':>9} {'search':>9}")
        with browser.Browser() as page:
            for notebooks in (int(n) for n in args.sizes.split(",")):
                report = scaled(base, notebooks)
                json_path = work / f"r{notebooks}.json"
                json_path.write_text(json.dumps(report), encoding="utf-8")
                html_path = work / "out" / f"r{notebooks}.html"
                started = time.perf_counter()
                subprocess.run([str(docnb), "report", str(json_path), "--html", str(html_path)],
                               cwd=work, check=True)
                render = time.perf_counter() - started
                size = html_path.stat().st_size
                load, (search, shown) = measure(page, html_path)
                print(f"{notebooks:>9} {len(report['examples']):>8} {size / 1e6:>8.2f} MB "
                      f"{size / notebooks / 1e3:>9.1f} kB {render:>7.2f}s {load:>7.0f}ms "
                      f"{search:>7.0f}ms  ({shown} examples match the search)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
