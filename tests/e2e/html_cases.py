"""End-to-end: the HTML report (`docnb run --html`, `docnb report r.json --html`) in a real
browser, Debian's headless chromium driven by selenium.

Usage: html_cases.py CASE
"""
import json
import re
import shutil
import sys
import time
from pathlib import Path

import browser
import harness
import html_fixtures
from harness import check, run_docnb

CASES = {}
ARTIFACTS = Path(harness.DOCNB).resolve().parent / "test-artifacts" / "html"


def case(function):
    CASES[function.__name__] = function
    return function


def summary_counts(out):
    found = re.search(r"docnb: (\d+) passed, (\d+) failed, (\d+) skipped", out)
    check(found is not None, f"no summary line in:\n{out}")
    return tuple(int(n) for n in found.groups())


def run_report(work, *paths, extra=()):
    """docnb run over `paths` with --json out/r.json and --html out/report.html; returns the
    console output and the JSON report."""
    code, out, err = run_docnb("run", "--check-images", "--timeout", "3", "--json", "out/r.json",
                               "--html", "out/report.html", *extra, *paths, cwd=work)
    print(out, err[-3000:])
    check(code == 1, f"exit code {code}, want 1 (some examples fail)")
    report = json.loads((work / "out" / "r.json").read_text(encoding="utf-8"))
    return out, report


def failing_run(work, with_samples=True, extra=()):
    html_fixtures.failing_sources(work)
    paths = ["fixtures"]
    if with_samples:
        shutil.copytree(harness.SOURCE_DIR / "samples", work / "samples")
        paths.insert(0, "samples")
    return run_report(work, *paths, extra=extra)


def example_with(page, code):
    """The index of the first example whose code holds `code`."""
    index = page.script(
        "const all = [...document.querySelectorAll('.example')];"
        "return all.findIndex(e => [...e.querySelectorAll('pre.code')]"
        "  .some(c => c.textContent.includes(arguments[0])));", code)
    check(index >= 0, f"no example with code {code!r}")
    return index


def query(page, index, selector, expression="e => e"):
    return page.script(
        f"return [...document.querySelectorAll('.example')[arguments[0]]"
        f".querySelectorAll(arguments[1])].map({expression});", index, selector)


def check_images(page):
    plot = example_with(page, "plt.plot([1, 2, 3], [1, 4, 9])")
    sizes = query(page, plot, "figure img", "i => [i.naturalWidth, i.naturalHeight, i.alt]")
    check(len(sizes) == 3, f"expected, got and difference images: {sizes}")
    check(all(w > 0 and h > 0 for w, h, _ in sizes), f"an image did not decode: {sizes}")
    check(sizes[2][2] == "pixel difference", f"third image: {sizes[2]}")
    share = query(page, plot, ".share", "e => e.textContent")
    check(len(share) == 1 and 0 < float(share[0].rstrip("%")) < 50, f"share {share}")


def check_rich_failures(page):
    table = example_with(page, "<th>a</th><th>b</th></tr>")
    frames = query(page, table, "iframe.html", "f => [f.getAttribute('sandbox'), f.srcdoc]")
    check(len(frames) == 2, f"the expected and got tables side by side: {frames}")
    check(all(sandbox == "" for sandbox, _ in frames), f"frames not fully sandboxed: {frames}")
    check("<th>c</th>" in frames[0][1] and "<th>c</th>" not in frames[1][1],
          "the expected table has the column the new one lost")
    error = example_with(page, "inverse(0)")
    colours = query(page, error, ".output.error span[class*='ansi-fg']", "s => s.className")
    check(colours, "the traceback's colours are not rendered")
    text = query(page, error, ".output.error", "e => e.textContent")
    check(any("ZeroDivisionError" in t and "\x1b" not in t for t in text), f"traceback {text}")
    large = example_with(page, "'y' * 300_000")
    notes = query(page, large, ".cut", "e => e.textContent")
    check(any(n.startswith("got: 100.0 kB of 300.0 kB shown") for n in notes), f"{notes}")
    changed = example_with(page, "i * 10 + (i == 3)")
    marks = query(page, changed, "tr.changed mark", "m => m.textContent")
    check(marks == ["0", "1"], f"the changed characters of the changed line: {marks}")


def check_links(page, work):
    links = page.script("return [...document.querySelectorAll('a.where')]"
                        ".map(a => [a.textContent, a.href]);")
    check(links, "no source links")
    for text, href in links:
        check(href.startswith("file://"), f"link {text} -> {href}")
        target = Path(browser.path_of_file_url(href))
        check(target.is_file(), f"link {text} -> {href}: no such file")
    texts = [text for text, _ in links]
    check("fixtures/page.md:6" in texts, f"the failing want is not at page.md:6: {texts}")
    check("fixtures/failing.ipynb, cell 2" in texts, f"no notebook cell link: {texts}")


@case
def failing_run_renders_counts_links_and_image_diffs(work):
    out, report = failing_run(work)
    passed, failed, skipped = summary_counts(out)
    check(failed == 7, f"the fixtures fail in 7 examples: {failed}")
    with browser.Browser() as page:
        page.open(work / "out" / "report.html")
        counts = page.script(
            "return ['.example', '.example.failed', '.example.skipped', '.example.passed']"
            ".map(s => document.querySelectorAll(s).length);")
        check(counts == [passed + failed + skipped, failed, skipped, passed],
              f"examples on the page {counts}, summary {(passed, failed, skipped)}")
        check(len(report["examples"]) == counts[0], "examples in the JSON report")
        summary = page.script("return document.querySelector('.summary').textContent")
        check(f"{passed} passed" in summary and f"{failed} failed" in summary, summary)
        check_links(page, work)
        check_images(page)
        check_rich_failures(page)
        reasons = page.script("return [...document.querySelectorAll('.reason')]"
                              ".map(r => r.textContent);")
        check(any(r.startswith("timed out after 3 s") for r in reasons), f"reasons {reasons}")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(ARTIFACTS / "failing_run.png")
    check((ARTIFACTS / "failing_run.png").stat().st_size > 10_000, "screenshot")
    print("screenshot:", ARTIFACTS / "failing_run.png")


def csp_violations(entries, page_url):
    return [entry for entry in entries if "Content Security Policy" in entry["message"]
            and entry["message"].startswith(page_url)]


@case
def hostile_outputs_and_names_cannot_run_script(work):
    html_fixtures.hostile_sources(work)
    run_report(work, "hostile")
    with browser.Browser() as page:
        page.open(work / "out" / "report.html")
        # A page as tall as the report: every lazy frame loads.
        page.screenshot(ARTIFACTS / "hostile.png")
        time.sleep(1)
        check(page.alert_text() is None, f"an alert fired: {page.alert_text()}")
        marker = page.script("return [window.PWNED, document.title, document.scripts.length,"
                             " document.querySelectorAll('[onerror], [onload]').length];")
        check(marker[0] is None, f"a payload ran in the report: PWNED = {marker[0]}")
        check(marker[1].startswith("docnb: "), f"title {marker[1]!r}")
        check(marker[2] == 1, f"{marker[2]} scripts in the page, want only its own")
        check(marker[3] == 0, "event handler attributes reached the page")
        frames = page.script("return [...document.querySelectorAll('iframe')]"
                             ".map(f => [f.getAttribute('sandbox'), f.className, f.srcdoc]);")
        check(len(frames) >= 6, f"HTML, SVG and Markdown outputs in frames: {len(frames)}")
        check(all(sandbox == "" for sandbox, _, _ in frames), "a frame is not fully sandboxed")
        # The payloads did reach the frames: what kept them from running is the sandbox.
        srcdocs = " ".join(srcdoc for _, _, srcdoc in frames)
        check("<script>top.PWNED = 1" in srcdocs and 'onload="top.PWNED = 3' in srcdocs,
              "the hostile outputs are not in the page at all")
        for _, kind, srcdoc in frames:
            if "markdown" in kind:
                check("javascript:" not in srcdoc and "data:text/html" not in srcdoc,
                      f"a dangerous Markdown link survived: {srcdoc}")
                check("<script" not in srcdoc, f"raw HTML in Markdown survived: {srcdoc}")
        hrefs = page.script("return [...document.querySelectorAll('a[href]')]"
                            ".map(a => a.getAttribute('href'));")
        check(all(h.startswith(("#", "../", "file:", "hostile/")) for h in hrefs),
              f"links of another scheme: {[h for h in hrefs if ':' in h.split('/')[0]]}")
        names = page.script("return [...document.querySelectorAll('.source summary a')]"
                            ".map(a => [a.textContent, a.href]);")
        page_name = f"hostile/{html_fixtures.HOSTILE_FOLDER}/{html_fixtures.HOSTILE_PAGE}"
        linked = [href for text, href in names if text == page_name]
        check(len(linked) == 1, f"the markup-named page is not shown by its name: {names}")
        check(Path(browser.path_of_file_url(linked[0])).is_file(), f"its link {linked[0]}")
        entries = page.console()
        print("console:", json.dumps(entries, indent=1))
        url = (work / "out" / "report.html").resolve().as_uri()
        check(not csp_violations(entries, url), "the report's own code violates its policy")
        # The same page with one byte of its style changed: its hash no longer matches, and the
        # console says so, as it would have for the report's own code above.
        tampered = work / "out" / "tampered.html"
        text = (work / "out" / "report.html").read_text(encoding="utf-8")
        tampered.write_text(text.replace("<style>", "<style> ", 1), encoding="utf-8")
        page.open(tampered)
        check(csp_violations(page.console(), tampered.resolve().as_uri()),
              "a style the policy does not allow went unreported")


@case
def page_works_without_javascript(work):
    _, report = failing_run(work)
    with browser.Browser(javascript=False) as page:
        page.open(work / "out" / "report.html")
        state = page.script(
            "return [document.querySelectorAll('details').length,"
            " document.querySelectorAll('details:not([open])').length,"
            " document.getElementById('search').hidden,"
            " document.querySelectorAll('.example').length,"
            " document.querySelectorAll('.source').length,"
            " !!document.querySelector('header .slowest li'),"
            " !!document.querySelector('header .command')];")
        details, closed, search_hidden, examples, sources, slowest, command = state
        check(closed == 0 and details > 0, f"{closed} of {details} sections closed without JS")
        check(search_hidden, "the search box shows, though it needs script")
        check(examples == len(report["examples"]), f"{examples} examples on the page")
        with_examples = {e["file"] for e in report["examples"]}
        check(sources == len(with_examples), f"{sources} sources, want {len(with_examples)}")
        check(slowest and command, "the header lacks the slowest examples or the command")
        check_images(page)
        # The filter is CSS: it works without script.
        page.click("label[for=show-failed]")
        shown = page.script("return [...document.querySelectorAll('.example')]"
                            ".filter(e => e.offsetParent !== null).map(e => e.className);")
        check(shown and all("failed" in name for name in shown), f"shown with 'failed': {shown}")
        page.screenshot(ARTIFACTS / "without_javascript.png", full_page=False)


@case
def filter_and_search_narrow_the_page(work):
    _, report = failing_run(work, with_samples=False)
    failed = report["totals"]["failed"]
    with browser.Browser() as page:
        page.open(work / "out" / "report.html")

        def shown():
            return page.script("return [...document.querySelectorAll('.example')]"
                               ".filter(e => e.offsetParent !== null).map(e => e.className);")
        open_state = page.script("return [...document.querySelectorAll('.example > details')]"
                                 ".map(d => [d.parentElement.className, d.open]);")
        check(all(is_open == ("failed" in name) for name, is_open in open_state),
              f"only failures start open: {open_state}")
        page.click("label[for=show-failed]")
        check(len(shown()) == failed and all("failed" in c for c in shown()), f"{shown()}")
        page.click("label[for=show-all]")
        check(len(shown()) == len(report["examples"]), "all examples again")
        page.type("#search", "inverse")
        check(len(shown()) == 1, f"searching 'inverse': {shown()}")
        page.type("#search", "")
        check(len(shown()) == len(report["examples"]), "an empty search shows everything")


@case
def report_command_writes_the_runs_page_byte_for_byte(work):
    url = "https://example.org/repo/blob/abc123/{path}#L{line}"
    failing_run(work, extra=("--html-source-url", url))
    code, _, err = run_docnb("report", "out/r.json", "--html", "out/again.html",
                             "--html-source-url", url, cwd=work)
    check(code == 0, f"docnb report: exit {code}: {err}")
    ran = (work / "out" / "report.html").read_bytes()
    again = (work / "out" / "again.html").read_bytes()
    check(ran == again, "docnb report wrote another page than docnb run --html")
    check(b'href="https://example.org/repo/blob/abc123/fixtures/page.md#L6"' in ran,
          "no link to the failing want through --html-source-url")
    code, _, err = run_docnb("report", "out/r.json", "--html", "out/x.html",
                             "--html-source-url", "javascript:alert(1)", cwd=work)
    check(code == 2 and "https://" in err, f"a javascript: template is refused: {code} {err}")
    (work / "other.json").write_text('{"examples": 3}')
    code, _, err = run_docnb("report", "other.json", "--html", "out/x.html", cwd=work)
    check(code == 2 and "not a docnb JSON report" in err, f"{code} {err}")
    check(not (work / "out" / "x.html").exists(), "a page was written for a bad report")


if __name__ == "__main__":
    why = browser.available()
    if why:
        harness.skip(why)
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
