"""An nbval conformance notebook, checked by docnb on ipykernel, gives the per-cell outcomes
listed in ../shared/corpus/nbval/MANIFEST.tsv.

Usage: nbval_corpus.py CASE
Outcomes are per code cell, in order: P passed, F failed, S skipped, ? not asserted (random).
nbval's XFAIL (a cell after a timeout that cannot succeed) is a failure in docnb, and its
XPASS a pass.
"""
import json
import shutil
import sys

import harness

SANITIZE = ["--sanitize-with", "sanitize_defaults.cfg"]
LIB_PY = "def mysum(a, b):\n    return a + b\n\n\ndef myprod(a, b):\n    return a * b\n"
TEST_LIB_PY = ('import lib\r\n\r\ndef test_sum():\r\n    assert lib.mysum(1, 3) == 4\r\n'
               '    assert lib.mysum("cat", "dog") == "catdog"\r\n'
               '    assert lib.mysum(1.5, 2) == 3.5\r\n    \r\n')

# case: (notebook, docnb options, outcomes, files to create beside the notebook)
CASES = {
    "exceptions": ("exceptions.ipynb", SANITIZE, "PPPPPP", {}),
    "latex_example": ("latex-example.ipynb", SANITIZE, "PPPP", {}),
    "latex_example_unsanitized": ("latex-example.ipynb", [], "PPPP", {}),
    "minimal_example": ("minimal_example.ipynb", [], "PP", {}),
    "sample_notebook": ("sample_notebook.ipynb", SANITIZE, "PPPPPPPPPPSSSP", {}),
    "sample_notebook_unsanitized": ("sample_notebook.ipynb", [], "PPPPPPPPFFSSSP", {}),
    "coalesce": ("test_coalesce.ipynb", SANITIZE, "PPPPPPP", {}),
    "exceptions_stored_mismatch": (
        "ipynb-test-samples/test-exceptions-fail-storedmismatch.ipynb", [], "FP", {}),
    "latex_random_output": ("ipynb-test-samples/test-latex-fail-randomoutput.ipynb", [], "PPF", {}),
    "latex_correct_output": ("ipynb-test-samples/test-latex-pass-correctouput.ipynb", [], "PP", {}),
    "latex_ignored_output": (
        "ipynb-test-samples/test-latex-pass-failsbutignoreoutput.ipynb", [], "PPPP", {}),
    "stream_missing_output": ("ipynb-test-samples/test-stream-fail-missingoutput.ipynb", [], "PFP", {}),
    "stream_unexecuted_output": (
        "ipynb-test-samples/test-stream-pass-missing-unexecuted-output.ipynb", [], "PPPP", {}),
    "timeouts": ("generated/test_timeouts.ipynb", ["--timeout", "5", "--interrupt-grace", "3"],
                 "PFPFFF", {}),
    "ignore_stderr": ("generated/test_ignore.ipynb", ["--skip-compare", "stderr"], "PPPP", {}),
    "ignore_without_skip_compare": ("generated/test_ignore.ipynb", [], "PPFF", {}),
    "coverage_outputs": ("generated/test_coverage.ipynb", [], "PPPP", {"lib.py": LIB_PY}),
    "collection": ("generated/test_collection.ipynb", [], "PPPPP", {}),
    "collection_lax": ("generated/test_collection.ipynb", ["--lax"], "PPPPP", {}),
    "nbdime_outcomes": ("generated/test_nbdime.ipynb", [], "PF", {}),
    "docs_index": ("docs/index.ipynb", ["--sanitize-with", "doc_sanitize"],
                   "PPPF?PPPPPFPPF?", {}),
    "issue_27": ("issues/27/latex-example.ipynb", [], "PFPF", {}),
    "issue_67_pass": ("issues/67/notebook1.ipynb", [], "P", {}),
    "issue_67_fail": ("issues/67/notebook2.ipynb", [], "F", {}),
    # Cell 5 is `!cat test_lib.py` of a CRLF file: IPython runs it under a pty, which writes
    # "\r\r\n", and nbval's own carriage-return rule then blanks those lines; the stored
    # output was made where no pty doubled the "\r". Not asserted, either way.
    "issue_7_tutorial": ("issues/7/tutorial_lib.ipynb", [], "PPPP?PPPP",
                         {"lib.py": LIB_PY, "test_lib.py": TEST_LIB_PY}),
}


def run_case(name, options_for_folder=lambda folder: []):
    """Checks one case with docnb; exits (harness.check) when an outcome differs.
    options_for_folder: more docnb options, given the folder docnb runs in."""
    notebook, options, expected, extra_files = CASES[name]
    work = harness.workdir()
    source = harness.CORPUS / "nbval" / notebook
    folder = work / source.parent.relative_to(harness.CORPUS / "nbval")
    shutil.copytree(source.parent, folder, dirs_exist_ok=True)
    for sanitizer in ["sanitize_defaults.cfg"]:
        shutil.copy(harness.CORPUS / "nbval" / sanitizer, folder / sanitizer)
    for file_name, text in extra_files.items():
        (folder / file_name).write_bytes(text.encode())

    report = work / "report.json"
    code, out, err = harness.run_docnb("run", "-j", "1", "--json", str(report), *options,
                                       *options_for_folder(folder), source.name, cwd=folder,
                                       timeout=240)
    print(out, err)
    examples = json.loads(report.read_text())["examples"]
    got = "".join(e["status"][0].upper() for e in examples)
    harness.check(len(got) == len(expected), f"{len(got)} examples, want {len(expected)}")
    for index, (want, have) in enumerate(zip(expected, got)):
        harness.check(want == "?" or want == have,
                      f"Cell {index + 1}: {have}, want {want} (all: {got}, want {expected})")
    want_code = 1 if "F" in expected else (None if "?" in expected else 0)
    harness.check(want_code is None or code == want_code, f"exit code {code}, want {want_code}")
    print(f"{notebook}: per-cell outcomes {got} as nbval's manifest lists")


if __name__ == "__main__":
    run_case(sys.argv[1], lambda folder: sys.argv[2:])
