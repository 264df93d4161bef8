"""An nbclient conformance notebook, run by docnb on ipykernel, reproduces its stored outputs.

Usage: nbclient_corpus.py NOTEBOOK [docnb options...]
"""
import shutil
import sys

import harness

name = sys.argv[1]
options = sys.argv[2:]
source = harness.CORPUS / "nbclient" / name
work = harness.workdir()
shutil.copy(harness.CORPUS / "nbclient" / "python.png", work / "python.png")
expected = harness.read_notebook(source)
stripped = harness.strip_outputs(harness.read_notebook(source))
harness.nbformat.write(stripped, str(work / name))

code, out, err = harness.run_docnb("run", "--kernel", "python3", *options, name, cwd=work,
                                   env={"COLUMNS": "80", "LINES": "24",
                                        "IPYKERNEL_CELL_NAME": "<IPY-INPUT>"})
print(out, err)
check_path = harness.executed_path(work, name)
harness.check(check_path.exists(), f"no executed notebook at {check_path}")
problems = harness.notebook_differences(expected, harness.read_notebook(check_path))
harness.check(not problems, "\n".join(problems))
print(f"{name}: stored outputs and execution counts reproduced")
