"""Every option of `docnb run` is accounted for by the content cache: one that can change what
runs or what it prints is part of the cache key (changing it is a miss), one the cache serves
anyway is judged again on a hit and is named so in the README, and the rest (reports,
parallelism, transport, selection) cannot change a verdict. An option `docnb run --help` lists
and this file does not classify fails the test: a new option must be decided, not forgotten.

Usage: cache_options_cases.py CASE
"""
import json
import re
import sys

import harness
from harness import check, run_docnb

PAGE = '# A page\n\n```pycon\n>>> print("x")\nx\n```\n'
RST_PAGE = 'A page\n======\n\n.. doctest::\n\n   >>> print("w")\n   w\n'
MODULE = '''def f():
    """
    >>> print("y")
    y
    >>> # xdoctest: +REQUIRES(--myflag)
    >>> print("z")
    z
    """


def g():
    """Example:
        >>> print(1)
        1
    """


def add_docstr(obj, text):
    obj.__doc__ = text


add_docstr(g, """
>>> print(2)
2
""")
'''

# Part of the key: changing it makes every source it touches run again.
KEYED = {
    "--timeout": ["--timeout", "50"],
    "--interrupt-grace": ["--interrupt-grace", "7"],
    "--max-output-bytes": ["--max-output-bytes", "1000000"],
    "--max-output-action": ["--max-output-action", "warn"],
    "--stdin": ["--stdin", "an answer"],
    "--python": ["--python", "/usr/bin/python3.11"],
    "--python-path": ["--python-path", "VENV"],
    "--lax": ["--lax"],
    "-x,--exitfirst-per-notebook": ["-x"],
    "--flag": ["--flag", "myflag"],
    "--depends": ["--depends", "data.txt"],
    "--fresh-kernel-per-example": ["--fresh-kernel-per-example"],
    "--preload": ["--preload", "json"],
    "--kernel": ["--kernel", "python3"],
    "--kernel-path": ["--kernel-path", "KERNELS"],
    "--global-exec": ["--global-exec", "import os"],
    "--style": ["--style", "google"],
    "--options": ["--options", "+NORMALIZE_WHITESPACE"],
    "--attach-calls": ["--attach-calls", "f"],
    "--rules": ["--rules", "xdoctest"],
    # Sphinx's doctest_global_setup becomes the rst page's setup cell.
    "--sphinx-conf": ["--sphinx-conf", "conf.py"],
}
# Served from the cache and judged again with the new value: README names each.
JUDGED = {
    "--sanitize-with": ["--sanitize-with", "rules.cfg"],
    "--sanitize": ["--sanitize", "uuid"],
    "--check-images": ["--check-images"],
    "--float-tolerance": ["--float-tolerance", "0.01"],
    "--skip-compare": ["--skip-compare", "stderr"],
}
# Cannot change what runs or what it prints: where results go, how many at once, how kernels
# are reached and stopped. Those safe to run here are run, and must be hits.
NO_EFFECT = {
    "--out": ["--out", "elsewhere"],
    "-j,--jobs": ["-j", "2"],
    "--split-min": ["--split-min", "0"],
    "--startup-timeout": ["--startup-timeout", "90"],
    "--shutdown-grace": ["--shutdown-grace", "9"],
    "--strict-kernel": ["--strict-kernel"],
    "--no-fork": ["--no-fork"],
    # Static analysis reads a .py file as the default does; only a compiled module's examples
    # differ, and those reach the key as different cells.
    "--analysis": ["--analysis", "static"],
    "--json": None, "--junit": None, "--html": None, "--html-source-url": None,
    "--gateway-token": None, "--gateway-header": None, "--gateway-ca": None,
    "--gateway-insecure": None,
}
# Choose the sources, or bypass the cache, or write sources: no run of theirs is a stale hit.
# (--gateway-url and --gateway-cwd are in the kernel's key: the gateway's URL and folder.)
SELECTION = {"-h,--help", "--gallery-pattern", "-m,--module", "--exclude", "--txt-as-rst",
             "--last-failed", "--update", "--check", "--diff", "--no-cache", "--shard",
             "--list-json", "--gateway-url", "--gateway-cwd"}


def help_options():
    code, out, _ = run_docnb("run", "--help", cwd=harness.workdir())
    check(code == 0, "docnb run --help failed")
    return set(re.findall(r"^\s+((?:-\w,)?--[\w-]+)", out, re.M))


def cached(work, *args):
    """{source name: served from the cache} of one run."""
    report = work / "report.json"
    code, out, err = run_docnb("run", "--json", str(report), *args, "page.md", "m.py", "page.rst",
                             cwd=work)
    check(code in (0, 1), f"docnb run {' '.join(args)}: exit {code}\n{out}\n{err}")
    return {s["file"]: s["cached"] for s in json.loads(report.read_text())["sources"]}


def prepared():
    work = harness.workdir()
    (work / "page.md").write_text(PAGE)
    (work / "page.rst").write_text(RST_PAGE)
    (work / "conf.py").write_text("doctest_global_setup = 'import os'\n")
    (work / "m.py").write_text(MODULE)
    (work / "data.txt").write_text("1\n")
    (work / "rules.cfg").write_text("[x]\nregex: q\nreplace: Q\n")
    (work / "pyproject.toml").write_text("[tool.docnb]\n")
    (work / "VENV" / "lib" / "python3.11" / "site-packages").mkdir(parents=True)
    # docnb-python's kernelspec with one more environment variable: another kernel's key.
    code, out, _ = run_docnb("kernels", cwd=work)
    check(code == 0, "docnb kernels failed")
    folder = next(line.split("\t")[2] for line in out.splitlines()
                  if line.startswith("docnb-python\t"))
    spec = json.loads((harness.Path(folder) / "kernel.json").read_text())
    spec["env"] = {**spec.get("env", {}), "DOCNB_TEST_KERNEL_COPY": "1"}
    (work / "KERNELS" / "docnb-python").mkdir(parents=True)
    (work / "KERNELS" / "docnb-python" / "kernel.json").write_text(json.dumps(spec))
    baseline = cached(work)
    check(baseline == {"page.md": False, "m.py": False, "page.rst": False},
          f"first run: {baseline}")
    return work


def value(work, args):
    return [str(work / a) if a in ("VENV", "KERNELS") else a for a in args]


def every_option_is_classified(work):
    listed = help_options()
    classified = set(KEYED) | set(JUDGED) | set(NO_EFFECT) | SELECTION
    check(not listed - classified, f"options the cache test does not classify: "
          f"{sorted(listed - classified)} (decide: keyed, judged again, or no effect)")
    check(not classified - listed, f"classified options docnb no longer has: "
          f"{sorted(classified - listed)}")


def keyed_options_are_misses(work):
    for option, args in KEYED.items():
        cached(work)  # the run without the option is the one stored
        check(all(cached(work).values()), "the run without options is not a hit")
        served = cached(work, *value(work, args))
        check(not all(served.values()), f"{option}: served from the cache ({served})")
        print(f"{option}: miss {served}")


def judged_options_are_hits_named_in_the_readme(work):
    readme = (harness.SOURCE_DIR / "README.md").read_text()
    listed = re.search(r"judged again on a hit: ([^.]*)\.", readme)
    check(listed is not None, "README does not list the options judged again on a hit")
    for option, args in JUDGED.items():
        name = option.split(",")[-1]
        check(f"`{name}`" in listed.group(1), f"README's list lacks {name}")
        served = cached(work, *value(work, args))
        check(all(served.values()), f"{option}: not a hit ({served})")
        print(f"{option}: hit, judged again")


def options_without_effect_are_hits(work):
    for option, args in NO_EFFECT.items():
        if args is None:
            continue
        served = cached(work, *value(work, args))
        check(all(served.values()), f"{option}: not a hit ({served})")
        print(f"{option}: hit")


CASES = {f.__name__: f for f in (every_option_is_classified, keyed_options_are_misses,
                                  judged_options_are_hits_named_in_the_readme,
                                  options_without_effect_are_hits)}

if __name__ == "__main__":
    CASES[sys.argv[1]](prepared())
    print("ok")
