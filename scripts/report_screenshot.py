#!/usr/bin/python3
"""Takes docs/html-report.png, the README's picture of the HTML report: samples/ and the drifted
fixtures of the report's tests (tests/e2e/html_fixtures.py) run with --html, the page's top
shot in headless chromium and reduced to a small palette PNG.

Usage: /usr/bin/python3 scripts/report_screenshot.py [--docnb build/docnb] [--out docs/html-report.png]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docnb", default=str(REPO / "build" / "docnb"))
    parser.add_argument("--out", default=str(REPO / "docs" / "html-report.png"))
    args = parser.parse_args()
    os.environ["DOCNB"] = str(Path(args.docnb).resolve())
    os.environ.setdefault("DOCNB_CORPUS", tempfile.gettempdir())
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    sys.path.insert(0, str(REPO / "tests" / "e2e"))
    import browser
    import html_fixtures
    from PIL import Image

    work = Path(tempfile.mkdtemp(prefix="docnb-screenshot-"))
    try:
        html_fixtures.failing_sources(work)
        (work / "fixtures" / "slow.ipynb").unlink()
        shutil.copytree(REPO / "samples", work / "samples")
        # argv[0] plain "docnb", as the page shows the command line.
        subprocess.run(["docnb", "run", "--check-images", "--html", "build/report.html",
                        "samples", "fixtures"], executable=os.environ["DOCNB"], cwd=work,
                       capture_output=True, check=False)
        shot = work / "shot.png"
        with browser.Browser(width=1100, height=1180) as page:
            page.open(work / "build" / "report.html")
            # The slowest-examples list folded, so that the first failure is in view.
            page.script("document.querySelector('.slowest').open = false;")
            page.screenshot(shot, full_page=False)
        image = Image.open(shot).convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
        image.save(args.out, optimize=True)
        print(args.out, Path(args.out).stat().st_size, "bytes")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
