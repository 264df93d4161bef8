"""An nbclient conformance notebook, run by docnb on docnb-kernel (`--kernel docnb-python`),
reproduces its stored outputs as it does on ipykernel (nbclient_corpus.py), except for the
differences listed in DIFFERENCES, each the kernel's own wording.

Usage: kernel_nbclient_corpus.py NOTEBOOK [docnb options...]
"""
import sys

import harness

# (notebook, cell index) -> ([(output index, key)], why docnb-kernel's output differs from the
# stored, ipykernel, one). Only the named keys of the named outputs are left out of the
# comparison; everything else in that cell, and every other cell, must match exactly. None are
# known: the last one (update-display-id's execute_result with a display_id, which xeus 2.4
# publishes without `transient`) is mended in the kernel.
DIFFERENCES = {}

# Notebooks whose stored outputs no kernel on Debian 12 reproduces (nbclient_corpus.py
# skips them for ipykernel with the same reason).
UNREPRODUCIBLE = {
    "JupyterWidgets.ipynb": "needs ipywidgets >= 7 (widget-view version 2.0)",
    "Other Comms.ipynb": "needs a comm implementation registered with the comm package "
                         "(ipykernel >= 6.18)",
}

name = sys.argv[1]
if name in UNREPRODUCIBLE:
    harness.skip(UNREPRODUCIBLE[name])
options = sys.argv[2:]
work = harness.workdir()
expected = harness.nbclient_corpus_copy(work, name)

code, out, err = harness.run_docnb("run", "--kernel", "docnb-python", *options, name, cwd=work,
                                   env={"COLUMNS": "80", "LINES": "24"})
print(out, err)
check_path = harness.executed_path(work, name)
harness.check(check_path.exists(), f"no executed notebook at {check_path}")
actual = harness.read_notebook(check_path)
for (notebook, index), (keys, reason) in DIFFERENCES.items():
    if notebook != name:
        continue
    print(f"cell {index}: not comparing {keys}: {reason}")
    for nb in (expected, actual):
        outputs = nb.cells[index].get("outputs", [])
        for output_index, key in keys:
            if output_index < len(outputs):
                outputs[output_index].pop(key, None)
problems = harness.notebook_differences(expected, actual)
harness.check(not problems, "\n".join(problems))
print(f"{name}: stored outputs and execution counts reproduced on docnb-python")
