"""End-to-end: the Debian package (`make package`, CPack) built from this build tree, its
contents, lintian's verdict, and docnb and `pytest --docnb` run from the installed files alone.

Usage: package_cases.py CASE
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import harness
from harness import check

CASES = {}
BUILD = Path(harness.DOCNB).resolve().parent
SUMMARY = re.compile(r"docnb: (\d+) passed, (\d+) failed, (\d+) skipped")
PYTEST_SUMMARY = re.compile(r"(\d+) passed, (\d+) skipped")
SAMPLES = "usr/share/doc/docnb/samples"
KERNEL_JSON = "usr/share/jupyter/kernels/docnb-python/kernel.json"
SITE = "usr/lib/python3/dist-packages"


def case(function):
    CASES[function.__name__] = function
    return function


def run(command, timeout=280, **kwargs):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, **kwargs)
    except subprocess.TimeoutExpired as hung:
        check(False, f"{command} did not finish within {timeout} s:\n{hung.stdout}")
    return done.returncode, done.stdout + done.stderr


def build_deb(work):
    """The package of this build tree, as `make package` builds it, into a folder of the test."""
    if not shutil.which("dpkg-shlibdeps") or not shutil.which("help2man"):
        harness.skip("dpkg-dev or help2man missing (scripts/install-deps.sh installs them)")
    code, out = run(["cpack", "-G", "DEB", "--config", str(BUILD / "CPackConfig.cmake"),
                     "-B", str(work / "deb")], cwd=BUILD, timeout=600)
    check(code == 0, f"cpack failed:\n{out}")
    debs = list((work / "deb").glob("docnb_*_*.deb"))
    check(len(debs) == 1, f"want one docnb_VERSION_ARCH.deb, got {debs}")
    return debs[0]


def sample_counts(text):
    found = SUMMARY.search(text)
    check(found, f"no docnb summary line:\n{text}")
    return tuple(int(n) for n in found.groups())


@case
def deb_holds_docnb_its_kernel_plugin_and_docs_and_lintian_finds_no_error(work):
    deb = build_deb(work)
    check(re.fullmatch(r"docnb_\d+\.\d+\.\d+_[a-z0-9]+\.deb", deb.name), deb.name)
    code, listing = run(["dpkg-deb", "--contents", str(deb)])
    paths = {line.split()[-1].lstrip(".") for line in listing.splitlines()}
    for path in ("/usr/bin/docnb", "/usr/bin/docnb-kernel", "/" + KERNEL_JSON,
                 f"/{SITE}/pytest_docnb/plugin.py",
                 f"/{SITE}/pytest_docnb-{deb.name.split('_')[1]}.dist-info/entry_points.txt",
                 "/usr/share/man/man1/docnb.1.gz", "/usr/share/man/man1/docnb-run.1.gz",
                 "/usr/share/man/man1/docnb-kernel.1.gz", "/usr/share/doc/docnb/README.md",
                 "/usr/share/doc/docnb/copyright", "/usr/share/doc/docnb/changelog.gz",
                 f"/{SAMPLES}/tutorials/04_markdown_page.md", f"/{SAMPLES}/mypkg/shapes.py"):
        check(path in paths, f"{path} is not in the package:\n{listing}")
    check(not any("__pycache__" in path or path.endswith(".pyc") for path in paths),
          "bytecode in the package")
    code, depends = run(["dpkg-deb", "--field", str(deb), "Depends"])
    # dpkg-shlibdeps' libraries, and what docnb-python and the plugin import.
    for name in ("libzmq5", "libpython3.11", "libxeus", "python3-ipython",
                 "python3-xeus-python-shell", "python3-pytest"):
        check(re.search(rf"\b{re.escape(name)}", depends), f"Depends lacks {name}: {depends}")
    root = work / "root"
    code, out = run(["dpkg", "-x", str(deb), str(root)])
    check(code == 0, out)
    spec = json.loads((root / KERNEL_JSON).read_text())
    check(spec["argv"][0] == "/usr/bin/docnb-kernel", f"kernelspec argv {spec['argv']}")
    entry_points = next(root.glob(f"{SITE}/pytest_docnb-*.dist-info")) / "entry_points.txt"
    check("[pytest11]" in entry_points.read_text(), entry_points.read_text())
    if not shutil.which("lintian"):
        harness.skip("lintian missing (scripts/install-deps.sh installs it)")
    code, out = run(["lintian", "--info", str(deb)])
    print(out)
    errors = [line for line in out.splitlines() if line.startswith("E:")]
    check(not errors, f"lintian reports errors:\n{out}")


@case
def extracted_deb_runs_the_samples_with_docnb_and_pytest_alone(work):
    """dpkg -x into a throwaway root; only the kernelspec's argv, which names the installed
    /usr/bin/docnb-kernel, is pointed into that root. No build tree on any path."""
    deb = build_deb(work)
    root = work / "root"
    code, out = run(["dpkg", "-x", str(deb), str(root)])
    check(code == 0, out)
    spec_path = root / KERNEL_JSON
    spec = json.loads(spec_path.read_text())
    check(spec["argv"][0] == "/usr/bin/docnb-kernel", f"kernelspec argv {spec['argv']}")
    spec["argv"][0] = str(root / "usr/bin/docnb-kernel")
    spec_path.write_text(json.dumps(spec))
    empty = work / "empty"
    empty.mkdir()
    env = {"PATH": f"{root / 'usr/bin'}:/usr/bin:/bin", "PYTHONPATH": str(root / SITE),
           "HOME": str(empty), "LANG": "C.UTF-8"}
    for value in env.values():
        check(str(BUILD) not in value and str(harness.SOURCE_DIR) not in value, env)
    code, out = run(["docnb", "kernels"], cwd=empty, env=env)
    check(f"docnb-python\tPython 3 (docnb)\t{root / 'usr/share/jupyter/kernels/docnb-python'}"
          in out, f"the extracted kernelspec is not docnb's:\n{out}")
    samples = str(root / SAMPLES)
    code, out = run(["docnb", "run", "--no-cache", samples], cwd=empty, env=env)
    check(code == 0, f"docnb run exited {code}:\n{out}")
    passed, failed, skipped = sample_counts(out)
    check(passed > 30 and failed == 0, out)
    # pytest loads the plugin by its entry point: no -p.
    code, out = run([sys.executable, "-m", "pytest", "--docnb", "--docnb-opt=--no-cache",
                     "-p", "no:cacheprovider", "-n", "2", samples], cwd=empty, env=env)
    check(code == 0, f"pytest --docnb exited {code}:\n{out}")
    check("docnb-" in out.split("plugins:")[1].splitlines()[0], f"plugin not listed:\n{out}")
    found = PYTEST_SUMMARY.search(out)
    check(found and (int(found.group(1)), int(found.group(2))) == (passed, skipped),
          f"pytest's counts differ from docnb's {passed} passed, {skipped} skipped:\n{out}")
    code, out = run([sys.executable, "-c", "import pytest_docnb; print(pytest_docnb.__file__)"],
                    cwd=empty, env=env)
    check(out.strip().startswith(str(root)), f"the plugin came from {out}")


@case
def apt_install_runs_the_samples_and_remove_leaves_nothing(work):
    """The real thing, as root: changes the machine, so it runs only when DOCNB_APT_TEST=1
    (and docnb is not installed already); it removes the package again."""
    if os.environ.get("DOCNB_APT_TEST") != "1" or os.geteuid() != 0:
        harness.skip("set DOCNB_APT_TEST=1 and run as root to install the package for real")
    code, out = run(["dpkg-query", "-W", "-f=${Status}", "docnb"])
    if "installed" in out and "not-installed" not in out:
        harness.skip("docnb is installed on this machine already")
    deb = build_deb(work)
    code, out = run(["apt-get", "install", "-y", "--no-install-recommends", str(deb)],
                    timeout=600)
    check(code == 0, f"apt-get install failed:\n{out}")
    try:
        code, listed = run(["dpkg", "-L", "docnb"])
        check(code == 0, listed)
        installed = [Path(line) for line in listed.splitlines() if line.startswith("/")]
        empty = work / "empty"
        empty.mkdir()
        env = {"PATH": "/usr/bin:/bin", "HOME": str(empty), "LANG": "C.UTF-8"}
        samples = "/" + SAMPLES
        code, out = run(["docnb", "run", samples], cwd=empty, env=env)
        print(out)
        check(code == 0, f"docnb run {samples} exited {code}:\n{out}")
        code, out = run(["pytest", "--docnb", "--rootdir=.", samples], cwd=empty, env=env)
        print(out)
        check(code == 0, f"pytest --docnb {samples} exited {code}:\n{out}")
    finally:
        code, out = run(["apt-get", "remove", "-y", "docnb"], timeout=600)
        print(out)
    check(code == 0, f"apt-get remove failed:\n{out}")
    code, out = run(["dpkg", "-L", "docnb"])
    check(code != 0, f"dpkg -L still lists docnb:\n{out}")
    left = [str(path) for path in installed if path.is_file() or path.is_symlink()]
    owned = [f"/{SAMPLES}", "/usr/share/doc/docnb", f"/{SITE}/pytest_docnb",
             "/usr/share/jupyter/kernels/docnb-python"]
    left += [path for path in owned if Path(path).exists()]
    check(not left, f"left behind after apt-get remove: {left}")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
