"""End-to-end docstring examples: docnb lists what xdoctest lists, with the same parts.

Usage: docstring_cases.py CASE
Cases that need PyTorch exit 77 (skipped) when `import torch` fails.
"""
import contextlib
import importlib.metadata
import importlib.util
import io
import json
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap
import time
import warnings

import harness
from harness import SOURCE_DIR, check, run_docnb

CASES = {}
FIXTURES = SOURCE_DIR / "tests" / "fixtures" / "docstrings"
SKIP = 77


def case(function):
    CASES[function.__name__] = function
    return function


def xdoctest_list(target, style):
    """The ids `python -m xdoctest TARGET --style=STYLE --command=list` prints, and seconds."""
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "xdoctest", target, f"--style={style}",
                           "--command=list"], capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - start
    ids = []
    for line in done.stdout.splitlines():
        words = line.split()
        if words[:3] == ["python", "-m", "xdoctest"] and len(words) == 5:
            ids.append(f"{words[3]}::{words[4]}")
    return ids, seconds


def docnb_list(*args, cwd):
    start = time.monotonic()
    code, out, err = run_docnb("list", *args, cwd=cwd, timeout=600)
    seconds = time.monotonic() - start
    return code, out.splitlines(), err, seconds


def xdoctest_parts(path, style, analysis="static"):
    """xdoctest's examples of a file or package with their parts, as `docnb list --json`
    prints them."""
    from xdoctest import core
    examples = []
    for ex in core.parse_doctestables(str(path), style=style, analysis=analysis):
        ex._parse()
        parts = []
        for part in ex._parts:
            line = ex.lineno + part.line_offset
            parts.append({"line": line, "last_line": line + len(part.orig_lines) - 1,
                          "source": "\n".join(part.exec_lines), "want": part.want,
                          "mode": part.compile_mode})
        examples.append({"id": f"{ex.modpath}::{ex.callname}:{ex.num}", "line": ex.lineno,
                         "disabled": ex.is_disabled(), "parts": parts})
    return examples


def compare_parts(mine, theirs):
    """Every example of `theirs` is in `mine` with the same lines, code, wants and modes."""
    by_id = {example["id"]: example for example in mine}
    for example in theirs:
        check(example["id"] in by_id, f"docnb does not find {example['id']}")
        got = by_id[example["id"]]
        check(got["line"] == example["line"] and got["disabled"] == example["disabled"],
              f"{example['id']}: line/disabled {got['line']}/{got['disabled']}, "
              f"xdoctest {example['line']}/{example['disabled']}")
        check(len(got["parts"]) == len(example["parts"]),
              f"{example['id']}: {len(got['parts'])} parts, xdoctest {len(example['parts'])}")
        for ours, ref in zip(got["parts"], example["parts"]):
            for key in ("line", "last_line", "source", "want", "mode"):
                check(ours[key] == ref[key],
                      f"{example['id']}: part {key} {ours[key]!r}, xdoctest {ref[key]!r}")


@case
def fixtures_match_xdoctest_part_for_part(work):
    for name, style in [("kinds.py", "auto"), ("freeform.py", "freeform"),
                        ("freeform.py", "auto"), ("kinds.py", "google")]:
        code, lines, err, _ = docnb_list("--json", "--style", style, name, cwd=FIXTURES)
        check(code == 0, f"docnb list {name}: exit {code}: {err}")
        mine = [json.loads(line) for line in lines]
        theirs = xdoctest_parts(FIXTURES / name, style)
        check(len(theirs) > 0, f"xdoctest found nothing in {name}")
        for example in theirs:
            example["id"] = example["id"].replace(str(FIXTURES / name), name)
        compare_parts(mine, theirs)


@case
def unreadable_files_are_errors_and_others_are_listed(work):
    code, lines, err, _ = docnb_list("kinds.py", "syntax_error.py", "undecodable.py",
                                     "latin1.py", cwd=FIXTURES)
    check(code == 2, f"exit {code}, expected 2")
    check("syntax_error.py:8: syntax error" in err, err)
    check("undecodable.py:3: cannot decode" in err, err)
    check(lines[0] == "kinds.py::__doc__:0" and lines[-1] == "latin1.py::caf\u00e9:0", lines)


def executed_parts(folder, notebook):
    """Executes a notebook written by `docnb convert` with nbclient; yields
    (metadata docnb, outputs) of each code cell."""
    nb = harness.nbclient_execute(harness.read_notebook(folder / notebook), path=folder)
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield cell.metadata["docnb"], cell.outputs


def got_of(outputs):
    """xdoctest's got: stdout, else the value's repr, else the exception's last line."""
    stdout = "".join(o.get("text", "") for o in outputs
                     if o.output_type == "stream" and o.name == "stdout")
    for output in outputs:
        if output.output_type == "error":
            return f"{output.ename}: {output.evalue}"
    if stdout:
        return stdout
    for output in outputs:
        if output.output_type == "execute_result":
            return output.data["text/plain"]
    return ""


def wanted(want):
    lines = want.splitlines()
    if lines and lines[0].startswith("Traceback (most recent call last):"):
        return lines[-1]
    return want


def check_notebook_against_wants(folder, notebook, expected_parts):
    import doctest
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    seen = 0
    for docnb, outputs in executed_parts(folder, notebook):
        if docnb.get("role") == "namespace":
            errors = [o for o in outputs if o.output_type == "error"]
            check(not errors, f"setup of {docnb['example']} failed: {errors}")
            continue
        seen += 1
        if "want" not in docnb:
            continue
        got = got_of(outputs)
        check(checker.check_output(wanted(docnb["want"]) + "\n", got.rstrip("\n") + "\n", flags),
              f"{docnb['example']} line {docnb['line']}: want {docnb['want']!r}, got {got!r}")
    check(seen == expected_parts, f"{seen} parts, expected {expected_parts}")


@case
def notebook_form_runs_each_example_in_a_fresh_namespace_with_repr(work):
    code, out, err = run_docnb("convert", "namespaces.py", "-o", str(work / "namespaces.ipynb"),
                               cwd=FIXTURES)
    check(code == 0, f"{code} {out} {err}")
    check_notebook_against_wants(work, "namespaces.ipynb", 8)


@case
def sample_package_examples_pass_in_their_notebooks(work):
    parts = {"__init__": 2, "shapes": 7, "text": 5}
    for name, count in parts.items():
        code, out, err = run_docnb("convert", f"samples/mypkg/{name}.py", "-o",
                                   str(work / f"{name}.ipynb"), cwd=SOURCE_DIR)
        check(code == 0, f"{code} {out} {err}")
        check_notebook_against_wants(work, f"{name}.ipynb", count)


@case
def docnb_run_checks_docstring_examples_like_xdoctest(work):
    """The sample package runs through `docnb run` as xdoctest runs it; one example can be
    picked by its id; a wrong want fails at its file:line; a part whose value is None."""
    package = work / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "calc.py").write_text(
        "def add(a, b):\n"
        "    \"\"\"\n"
        "    Example:\n"
        "        >>> add(1, 2)\n"
        "        3\n"
        "        >>> print(add('a', 'b'))\n"
        "        ab\n"
        "        >>> [].append(1)\n"
        "        None\n"
        "    \"\"\"\n"
        "    return a + b\n"
        "\n"
        "def sub(a, b):\n"
        "    \"\"\"\n"
        "    Example:\n"
        "        >>> sub(3, 1)\n"
        "        5\n"
        "    \"\"\"\n"
        "    return a - b\n")
    code, out, err = run_docnb("run", "--kernel", "python3", "--json", "report.json", "pkg",
                               cwd=work)
    report = json.loads((work / "report.json").read_text())
    verdicts = {e["example"]: e["status"] for e in report["examples"]}
    check(verdicts == {"pkg/calc.py::add:0": "passed", "pkg/calc.py::sub:0": "failed"},
          f"{verdicts}\n{out}{err}")
    check(code == 1 and "pkg/calc.py:16" in out, f"the failing part is not at its line:\n{out}")
    check("rerun: docnb run 'pkg/calc.py::sub:0'" in out, f"no rerun command:\n{out}")
    # One example by its id, however its path is spelt; a name that is no example is an error.
    for selected in ("pkg/calc.py::add:0", "./pkg/calc.py::add:0", str(package / "calc.py") +
                     "::add:0"):
        code, out, err = run_docnb("run", "--kernel", "python3", selected, cwd=work)
        check(code == 0 and out.strip().endswith("1 passed, 0 failed, 0 skipped"),
              f"{selected}: {out}{err}")
    code, out, err = run_docnb("run", "--kernel", "python3", "pkg/calc.py::nosuch:0", cwd=work)
    check(code == 2 and "no example nosuch:0" in out + err, f"exit {code}: {out}{err}")
    code, out, err = run_docnb("run", "--kernel", "python3", "--out", "build/samples",
                               str(SOURCE_DIR / "samples" / "mypkg"), cwd=work)
    check(code == 0 and out.strip().endswith("7 passed, 0 failed, 0 skipped"), out + err)


@case
def compiled_modules_are_read_by_importing_them(work):
    """--analysis auto (the default) imports a package's compiled module and lists and runs
    the examples of what it defines, as xdoctest's dynamic analysis does; static leaves it."""
    shutil.copytree(os.environ["DOCNB_COMPILED_PKG"], work / "compiled_pkg")
    native = next((work / "compiled_pkg").glob("_native*.so"))
    theirs, _ = xdoctest_list(str(work / "compiled_pkg"), "auto")
    code, mine, err, _ = docnb_list(str(work / "compiled_pkg"), cwd=work)
    check(code == 0, f"exit {code}: {err}")
    check(sorted(mine) == sorted(theirs) and any(".so::add:0" in i for i in mine),
          f"docnb {mine}, xdoctest {theirs}")
    code, static, err, _ = docnb_list("--analysis", "static", "compiled_pkg", cwd=work)
    check(code == 0 and not any(".so::" in i for i in static), f"exit {code}: {static} {err}")
    code, out, err = run_docnb("run", "--no-cache", "--json", "report.json", "compiled_pkg",
                               cwd=work)
    verdicts = {e["example"].split("::")[1]: e["status"]
                for e in json.loads((work / "report.json").read_text())["examples"]}
    check(verdicts == {"__doc__:0": "passed", "add:0": "passed", "twice:0": "failed",
                       "Greeter:0": "passed"}, f"{verdicts}\n{out}{err}")
    # The report points into the docstring, the only source there is: line 6 of twice's
    # (pybind11 puts the signature on line 1).
    check(code == 1 and f"{native.name}:6" in out, f"exit {code}:\n{out}{err}")
    before = native.read_bytes()
    # The CI system running this sets CI=true, which forbids --update.
    code, out, err = run_docnb("run", "--no-cache", "--update", "compiled_pkg", cwd=work,
                               env={"CI": "false"})
    check("a compiled module has no source to write wants into" in out + err,
          f"exit {code}:\n{out}{err}")
    check(native.read_bytes() == before, "the compiled module was written to")
    # A compiled module that cannot be imported is an error at its file; the rest still runs.
    (work / "compiled_pkg" / "_broken.cpython-311-x86_64-linux-gnu.so").write_bytes(b"not ELF")
    code, out, err = run_docnb("run", "--no-cache", "compiled_pkg", cwd=work)
    check(code == 2 and "_broken.cpython-311-x86_64-linux-gnu.so:1: cannot import compiled "
          "module compiled_pkg._broken" in out + err and "3 passed, 1 failed" in out,
          f"exit {code}:\n{out}{err}")


@case
def compiled_modules_wait_for_their_package(work):
    """Two workers reading two compiled modules of one package: the second must not walk its
    module while the first is still running the package's __init__, which is where a package
    sets docstrings on what it compiled (torch's _torch_docs does so for torch._C)."""
    native = next(pathlib.Path(os.environ["DOCNB_COMPILED_PKG"]).glob("_native*.so"))
    package = work / "racy_pkg"
    (package / "sub").mkdir(parents=True)
    shutil.copy(native, package / native.name)
    shutil.copy(native, package / "sub" / native.name)
    (package / "sub" / "__init__.py").write_text("")
    (package / "__init__.py").write_text(textwrap.dedent('''\
        import time
        from . import _native
        from .sub import _native as _sub_native
        time.sleep(3)  # long enough for the other worker to reach its module


        def _attach(module):
            def late():
                return 1
            # Not a literal: the package's own file then has no example to keep a worker.
            late.__doc__ = ">>> " + "late()\\n1\\n"
            late.__module__ = module.__name__
            module.late = late


        _attach(_native)
        _attach(_sub_native)
        '''))
    code, out, err = run_docnb("run", "--no-cache", "-j", "2", "--json", "report.json",
                               "racy_pkg", cwd=work)
    found = sorted(e["example"] for e in json.loads((work / "report.json").read_text())
                   ["examples"] if e["example"].endswith("::late:0"))
    check(len(found) == 2 and any("/sub/" in i for i in found),
          f"late:0 found in {found}, wanted both modules\n{out}{err}")


def nested_in_a_function(example_id):
    """Whether `path::outer.inner:N` names a definition inside a function (not a class)."""
    import ast
    path, name = example_id.split("::")
    outer = name.rsplit(":", 1)[0].split(".")[0]
    tree = ast.parse(pathlib.Path(path).read_text())
    return "." in name and any(
        isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == outer
        for node in tree.body)


@case
def project_configuration_sets_xdoctest_keys(work):
    """[tool.docnb] in pyproject.toml gives global_exec, options and exclude as the command line
    would; the command line wins; a misspelt key is a warning."""
    (work / "pyproject.toml").write_text(
        "[tool.docnb]\n"
        "global_exec = \"import math\"\n"
        "options = \"+IGNORE_WHITESPACE\"\n"
        "exclude = [\"*excluded\"]\n"
        "styel = \"google\"\n")
    (work / "mod.py").write_text(
        "def f():\n"
        "    \"\"\"\n"
        "    Example:\n"
        "        >>> math.floor(2.5)\n"
        "        2\n"
        "        >>> [1, 2]\n"
        "        [1,2]\n"
        "        >>> 1 / 0  # xdoctest: +SKIP\n"
        "    \"\"\"\n")
    (work / "excluded.py").write_text("def g():\n    \"\"\"\n    >>> 1\n    2\n    \"\"\"\n")
    code, out, err = run_docnb("run", "--no-cache", "--json", "report.json", ".", cwd=work)
    check(code == 0, f"exit {code}:\n{out}{err}")
    check("pyproject.toml:5: unknown key 'styel': did you mean style?" in err, err)
    examples = json.loads((work / "report.json").read_text())["examples"]
    check([(e["example"], e["status"], e["parts_skipped"]) for e in examples] ==
          [("mod.py::f:0", "passed", 1)], f"{examples}")
    # The command line overrides the file: without IGNORE_WHITESPACE the second part fails.
    code, out, err = run_docnb("run", "--no-cache", "--options=-IGNORE_WHITESPACE", "mod.py",
                               cwd=work)
    check(code == 1 and "mod.py:6 `[1, 2]`" in out, f"exit {code}:\n{out}{err}")


def torch_or_skip():
    if importlib.util.find_spec("torch") is None:
        print("torch is not importable: skipped")
        sys.exit(SKIP)


def torch_version():
    return importlib.metadata.version("torch")


@case
def torch_listing_covers_xdoctest_and_attached_docstrings(work):
    torch_or_skip()
    # Examples in compiled modules come from importing them (xdoctest's dynamic analysis,
    # docnb's --analysis auto, both tools' default); attach calls find the docstrings that
    # add_docstr gives to compiled functions, which xdoctest never sees.
    # Style auto is what PyTorch's doctest_module call runs (it ignores config["style"]).
    for style in ("google", "auto"):
        theirs, xdoctest_seconds = xdoctest_list("torch", style)
        code, plain, err, plain_seconds = docnb_list("--module", "torch", "--style", style,
                                                     "--attach-calls", "", cwd=work)
        check(code == 0, f"exit {code}: {err}")
        compiled = [i for i in plain if ".so::" in i]
        missing = sorted(set(theirs) - set(plain))
        check(not missing, f"{style}: {len(missing)} xdoctest ids not listed, e.g. {missing[:5]}")
        # docnb also reads the docstrings of functions nested in functions, which xdoctest's
        # static analysis does not enter; nothing else may be extra.
        extra = sorted(i for i in set(plain) - set(theirs) if not nested_in_a_function(i))
        check(not extra, f"{style}: {len(extra)} ids xdoctest does not list, e.g. {extra[:5]}")
        code, attached, err, attached_seconds = docnb_list("--module", "torch", "--style", style,
                                                           cwd=work)
        check(code == 0, f"exit {code}: {err}")
        more = len(set(attached) - set(plain))
        check(more >= 430, f"{style}: only {more} examples from attached docstrings")
        if style == "auto" and torch_version().startswith("1.13."):
            # The figure the acceptance names: a different count means another torch or
            # xdoctest, and the comparison above is no longer the one that was agreed.
            check(len(theirs) == 628, f"xdoctest lists {len(theirs)} ids on torch 1.13, not 628")
        print(f"style {style}: xdoctest {len(theirs)} ids in {xdoctest_seconds:.1f} s; docnb "
              f"{len(plain)} in {plain_seconds:.1f} s, {len(attached)} with attach calls in "
              f"{attached_seconds:.1f} s ({more} more); from compiled modules: {compiled}")


@case
def torch_examples_match_xdoctest_part_for_part(work):
    torch_or_skip()
    root = str(pathlib.Path(importlib.util.find_spec("torch").origin).parent)
    code, lines, err, _ = docnb_list("--json", "--module", "torch", "--style", "google",
                                     "--attach-calls", "", cwd=work)
    check(code == 0, f"exit {code}: {err}")
    mine = [json.loads(line) for line in lines]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.redirect_stdout(io.StringIO()):
            theirs = [e for e in xdoctest_parts(root, "google", analysis="auto")
                      if ".so::" not in e["id"]]
    compare_parts(mine, theirs)
    print(f"{len(theirs)} examples identical part for part")


@case
def skip_rules_match_xdoctest_verdicts(work):
    """Comment-only parts and part-less examples are skipped, as xdoctest counts them."""
    torch_or_skip()  # the PyTorch configuration's global_exec imports torch
    theirs, _ = xdoctest_verdicts([str(FIXTURES / "verdicts.py")], work)
    theirs = {i.replace(str(FIXTURES.resolve()) + "/", ""): s for i, s in theirs.items()}
    # Run on a copy: a run leaves .docnb/ (the cache, the last failures) where it starts.
    (work / "verdicts.py").write_bytes((FIXTURES / "verdicts.py").read_bytes())
    code, out, err = run_docnb(
        "run", "--style", "google", "--attach-calls", "", "--analysis", "static",
        "--global-exec", "from torch import nn\nimport torch.nn.functional as F\nimport torch",
        "--options", "+IGNORE_WHITESPACE", "--json", str(work / "report.json"), "--out",
        str(work / "out"), "verdicts.py", cwd=work)
    report = json.loads((work / "report.json").read_text())
    mine = {e["example"]: e["status"] for e in report["examples"]}
    expected = {"verdicts.py::comment_then_skip:0": "skipped",
                "verdicts.py::no_prompts:0": "skipped", "verdicts.py::runs:0": "passed"}
    check(theirs == expected, f"xdoctest: {theirs}")
    check(mine == expected, f"docnb: {mine}\n{out}{err}")


@case
def state_left_by_one_module_does_not_reach_the_next(work):
    """The difference class GLOBAL_STATE below: xdoctest runs every module in one process, so
    process-wide state one module's example leaves (torch.use_deterministic_algorithms) is
    seen by the next module's examples; docnb gives each module a kernel of its own."""
    torch_or_skip()  # xdoctest_verdicts.py uses the PyTorch configuration
    pkg = work / "statepkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    # Each module checks that the state is unset, then sets it: whichever runs second in one
    # process fails.
    for name in ("first", "second"):
        (pkg / f"{name}.py").write_text(
            "def f():\n    \"\"\"\n    >>> import json\n    >>> hasattr(json, 'docnb_state')\n"
            "    False\n    >>> json.docnb_state = 1\n    \"\"\"\n")
    theirs, _ = xdoctest_verdicts([str(pkg)], work)
    check(sorted(theirs.values()) == ["failed", "passed"], f"xdoctest: {theirs}")
    code, out, err = run_docnb("run", "--no-cache", "--json", "report.json", "statepkg",
                               cwd=work)
    mine = {e["example"]: e["status"]
            for e in json.loads((work / "report.json").read_text())["examples"]}
    check(sorted(mine.values()) == ["passed", "passed"], f"docnb: {mine}\n{out}{err}")


# Examples whose docnb verdict differs from xdoctest's under PyTorch's configuration, by id
# (path relative to the torch folder), with the cause.
GLOBAL_STATE = ("xdoctest runs every module in one process and torch/__init__.py::"
                "use_deterministic_algorithms:0 leaves deterministic mode on, so max_unpool "
                "raises; docnb gives each module its own kernel (alone, xdoctest passes them)")
TORCH_VERDICT_DIFFERENCES = {
    "nn/modules/pooling.py::MaxUnpool1d:0": GLOBAL_STATE,
    "nn/modules/pooling.py::MaxUnpool2d:0": GLOBAL_STATE,
    "nn/modules/pooling.py::MaxUnpool3d:0": GLOBAL_STATE,
}
def xdoctest_verdicts(targets, work):
    """{id: status} from xdoctest with PyTorch's CI configuration (xdoctest_verdicts.py)."""
    out = work / "xdoctest.json"
    start = time.monotonic()
    done = subprocess.run([sys.executable, str(pathlib.Path(__file__).parent /
                                               "xdoctest_verdicts.py"), str(out), *targets],
                          capture_output=True, text=True, timeout=1200, cwd=work)
    check(done.returncode == 0, f"xdoctest_verdicts.py: exit {done.returncode}: {done.stderr}")
    return json.loads(out.read_text()), time.monotonic() - start


@case
def torch_verdicts_match_xdoctest(work):
    # Both tools over all of torch: about 4 minutes on 2 cores.
    torch_or_skip()
    root = pathlib.Path(importlib.util.find_spec("torch").origin).parent.resolve()
    theirs, xdoctest_seconds = xdoctest_verdicts(["torch"], work)
    theirs = {str(pathlib.Path(i.split("::")[0]).relative_to(root)) + "::" + i.split("::", 1)[1]:
              status for i, status in theirs.items()}
    start = time.monotonic()
    code, out, err = run_docnb(
        # doctest_module ignores config["style"] and config["analysis"]: PyTorch's examples
        # are found in style auto, and its compiled torch._C is imported (analysis auto).
        "run", "--module", "torch", "--style", "auto", "--attach-calls", "", "--global-exec",
        "from torch import nn\nimport torch.nn.functional as F\nimport torch", "--options",
        "+IGNORE_WHITESPACE", "--json", "report.json", "-j", "2", "--out", "out", cwd=work,
        timeout=1200)
    docnb_seconds = time.monotonic() - start
    check(code in (0, 1), f"docnb run: exit {code}: {err[-2000:]}")
    report = json.loads((work / "report.json").read_text())
    mine = {}
    for example in report["examples"]:
        path, name = example["example"].split("::", 1)
        path = pathlib.Path(path)
        if path.is_absolute():
            path = path.resolve().relative_to(root)
        elif path.parts[0] == "torch":
            path = pathlib.Path(*path.parts[1:])
        mine[f"{path}::{name}"] = example["status"]
    missing = sorted(set(theirs) - set(mine))
    check(not missing, f"{len(missing)} examples xdoctest ran are not in the report: "
          f"{missing[:5]}")
    differ = {i: (theirs[i], mine[i]) for i in theirs if i in mine and theirs[i] != mine[i]}
    unexplained = {i: d for i, d in differ.items() if i not in TORCH_VERDICT_DIFFERENCES}
    stale = sorted(set(TORCH_VERDICT_DIFFERENCES) - set(differ))
    check(not unexplained, f"{len(unexplained)} verdicts differ (xdoctest, docnb): "
          + "\n".join(f"{i}: {d}" for i, d in sorted(unexplained.items())))
    check(not stale, f"listed differences that are gone: {stale}")
    shared = [i for i in theirs if i in mine]
    count = lambda verdicts: {s: sum(verdicts[i] == s for i in shared)
                              for s in ("passed", "failed", "skipped")}
    print(f"{len(shared)} examples: xdoctest {count(theirs)} in {xdoctest_seconds:.0f} s, "
          f"docnb {count(mine)} in {docnb_seconds:.0f} s; {len(differ)} listed differences")


if __name__ == "__main__":
    CASES[sys.argv[1]](harness.workdir())
    print(sys.argv[1], "ok")
