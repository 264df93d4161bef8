"""Shared pieces of the end-to-end tests: run the real docnb binary on real kernels."""
import base64
import binascii
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import nbformat

DOCNB = os.environ["DOCNB"]
CORPUS = Path(os.environ["DOCNB_CORPUS"])
SOURCE_DIR = Path(__file__).resolve().parents[2]


def run_docnb(*args, cwd, env=None, timeout=240):
    """Runs docnb; returns (exit code, stdout, stderr). The default timeout is under ctest's
    300 s, so that a docnb that hangs is reported here with what it had printed."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    try:
        done = subprocess.run([DOCNB, *args], cwd=cwd, env=full_env, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired as hung:
        def text(data):
            return data.decode(errors="replace") if isinstance(data, bytes) else data or ""
        check(False, f"docnb {' '.join(map(str, args))} did not finish within {timeout} s\n"
                     f"stdout:\n{text(hung.stdout)}\nstderr:\n{text(hung.stderr)}")
    return done.returncode, done.stdout, done.stderr


def workdir():
    return Path(tempfile.mkdtemp(prefix="docnb-e2e-"))


def write_notebook(path, cells, kernel="python3"):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, str(path))
    return path


def read_notebook(path):
    return nbformat.read(str(path), 4)


def nbclient_execute(nb, timeout=60, path=None):
    """Executes nb in place with nbclient on a python3 kernel, as a user of nbclient would, but
    over IPC sockets: with TCP, jupyter_client picks free ports and lets go of them before the
    kernel binds them, and under parallel tests another process may take one first (the kernel
    then dies with 'Address already in use', which is no verdict on what the test compares)."""
    import nbclient
    from traitlets.config import Config
    with tempfile.TemporaryDirectory(prefix="docnb-nbclient-") as runtime:
        config = Config()
        config.KernelManager.transport = "ipc"
        config.KernelManager.connection_file = str(Path(runtime) / "kernel.json")
        resources = {"metadata": {"path": str(path)}} if path else {}
        nbclient.NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                                resources=resources, config=config).execute()
    return nb


def executed_notebook(work, name, cells):
    """A notebook whose stored outputs are what the kernel really produces."""
    write_notebook(work / name, cells)
    code, out, _ = run_docnb("run", "--out", "build/fresh", name, cwd=work)
    check(code == 0, f"could not execute {name}: {out}")
    fresh = read_notebook(work / "build/fresh" / name)
    for cell in fresh.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(fresh, str(work / name))
    return fresh


def run_new_notebook(work, cells, *options):
    """Writes `cells` as work/nb.ipynb and runs `docnb run OPTIONS nb.ipynb` on it; prints its
    output and returns (exit code, stdout)."""
    write_notebook(work / "nb.ipynb", cells)
    code, out, _ = run_docnb("run", *options, "nb.ipynb", cwd=work)
    print(out)
    return code, out


def nbclient_corpus_copy(work, *names):
    """Copies nbclient corpus notebooks into `work` without their outputs, with the image one
    of them shows; returns the first as stored, outputs and all."""
    shutil.copy(CORPUS / "nbclient" / "python.png", work / "python.png")
    for name in names:
        nbformat.write(strip_outputs(read_notebook(CORPUS / "nbclient" / name)), str(work / name))
    return read_notebook(CORPUS / "nbclient" / names[0])


def executed_path(work, relative):
    return work / "build" / "docnb" / relative


# nbclient's own normalisation (tests/test_client.py), plus coalescing of consecutive
# same-name streams on both sides, as the corpus manifest describes.
ADDRESS = re.compile(r"0x[0-9a-f]{7,9}")
IPYTHON_INPUT = re.compile(
    r"(<ipython-input-\d+-[0-9a-f]+>|<IPY-INPUT>) in (<module>|<cell line: \d>\(\))")
# IPython 8.5 (Debian's) names cells "Cell In [1], line 2" and later ones "Cell In[1], line 2":
# forms that nbclient's patterns predate.
IPYTHON85_INPUT = re.compile(r"Cell In ?\[\d+\], line \d+")
ANSI = re.compile(r"\x1b\[(.*?)([@-~])")


def normalize_base64(text):
    try:
        return base64.b64encode(base64.b64decode(text.encode("ascii"))).decode("ascii")
    except (ValueError, TypeError, binascii.Error, UnicodeEncodeError):
        return text


def normalize_output(output):
    output = json.loads(json.dumps(output))
    output.pop("metadata", None)
    if "text" in output:
        output["text"] = ADDRESS.sub("<HEXADDR>", output["text"])
    data = output.get("data", {})
    if "text/plain" in data:
        data["text/plain"] = ADDRESS.sub("<HEXADDR>", data["text/plain"])
    if "application/vnd.jupyter.widget-view+json" in data:
        data["application/vnd.jupyter.widget-view+json"]["model_id"] = "<MODEL_ID>"
    if "image/svg+xml" in data:
        data["image/svg+xml"] = ElementTree.canonicalize(data["image/svg+xml"],
                                                         strip_text=True)
    for key, value in data.items():
        if isinstance(value, str):
            data[key] = normalize_base64(value)
    if "traceback" in output:
        output["traceback"] = [
            IPYTHON85_INPUT.sub("<IPY-INPUT>", IPYTHON_INPUT.sub("<IPY-INPUT>", ANSI.sub("", line)))
            for line in output["traceback"]]
    return output


def coalesce(outputs):
    merged = []
    for output in outputs:
        if (output.get("output_type") == "stream" and merged
                and merged[-1].get("output_type") == "stream"
                and merged[-1]["name"] == output["name"]):
            merged[-1] = dict(merged[-1], text=merged[-1]["text"] + output["text"])
        else:
            merged.append(dict(output))
    return merged


def notebook_differences(expected, actual):
    """Human-readable differences, empty when the notebooks match after normalisation."""
    problems = []
    if len(expected.cells) != len(actual.cells):
        return [f"cell count {len(expected.cells)} != {len(actual.cells)}"]
    for index, (want, got) in enumerate(zip(expected.cells, actual.cells)):
        want_outputs = [normalize_output(o) for o in coalesce(want.get("outputs", []))]
        got_outputs = [normalize_output(o) for o in coalesce(got.get("outputs", []))]
        if want_outputs != got_outputs:
            problems.append(f"cell {index} outputs:\n  want {want_outputs}\n  got  {got_outputs}")
        if want.get("execution_count") != got.get("execution_count"):
            problems.append(f"cell {index} execution_count {want.get('execution_count')} != "
                            f"{got.get('execution_count')}")
    return problems


def strip_outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


SKIP = 77  # ctest's SKIP_RETURN_CODE for these tests


def skip(reason):
    print("SKIP:", reason)
    sys.exit(SKIP)


def check(condition, message):
    if not condition:
        print("FAILED:", message, file=sys.stderr)
        sys.exit(1)
