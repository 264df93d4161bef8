#!/usr/bin/python3
"""docnb-kernel against ipykernel, measured in one run: start-up and per-cell round trip.

For each kernel (docnb-python from the build tree, Debian's ipykernel as python3), --repeat
times, interleaved:
  * start: from launching the kernel process (jupyter_client's KernelManager) to the
    kernel_info_reply on shell;
  * cell: 1,000 execute_requests of a trivial cell (`x = 1`), one after another, each done
    when both its execute_reply and its iopub `idle` have arrived (as docnb waits); the
    figure is the mean round trip per cell of one run. jupyter_client is Python and costs
    about as much per message as a fast kernel does, so the cell figure is also taken with
    docnb's own client:
  * cell (docnb): `docnb run -j 1 --kernel K` on a notebook of --cells trivial cells and on
    one of a single cell; (difference) / (cells - 1) is the round trip per cell with start-up
    factored out. Both runs must pass.
Before timing, each kernel must answer `1+1` with an execute_result of `2` and
`IPython.display.display(HTML(...))` with display_data, so a kernel that lost IPython's
display machinery cannot pass for a fast one. Medians of the runs are printed with the
ratio ipykernel / docnb-kernel. Nothing here asserts on timings.

Usage: /usr/bin/python3 bench/kernel_start.py [--build DIR] [--repeat N] [--cells N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(REPO / "build"), help="docnb's build folder")
    parser.add_argument("--repeat", type=int, default=7, help="runs per kernel (median)")
    parser.add_argument("--cells", type=int, default=1000, help="trivial cells per run")
    return parser.parse_args()


ARGS = parse_args()
os.environ["JUPYTER_PATH"] = str(Path(ARGS.build) / "share" / "jupyter")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

import zmq  # noqa: E402
from jupyter_client import BlockingKernelClient  # noqa: E402
from jupyter_client.connect import write_connection_file  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

# Clients connect before a kernel binds; ZeroMQ's default 100 ms retry would be most of a forked
# kernel's start. docnb's own client uses 5 ms; so does this one, for every kernel alike.
zmq.Context.instance().setsockopt(zmq.RECONNECT_IVL, 5)

KERNELS = {"docnb-kernel": "docnb-python", "ipykernel": "python3"}


def wait_done(client, msg_id):
    """Waits for both the execute_reply and the iopub idle of msg_id; returns the reply and
    the iopub messages of that request."""
    reply = None
    idle = False
    outputs = []
    while reply is None or not idle:
        if reply is None:
            msg = client.get_shell_msg(timeout=30)
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
            continue
        msg = client.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
        else:
            outputs.append(msg)
    return reply, outputs


def start(kernel_name):
    manager = KernelManager(kernel_name=kernel_name)
    began = time.perf_counter()
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    msg_id = client.kernel_info()
    while client.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
        pass
    seconds = time.perf_counter() - began
    client.wait_for_ready(timeout=60)  # iopub connected too, before the cells
    return manager, client, seconds


class ForkServer:
    """docnb-kernel --fork-server, as docnb runs it (kernel/fork_server.hpp): started once,
    then each kernel is forked from it on request."""

    def __init__(self, work):
        import socket as _socket
        self.socket_module = _socket
        self.work = work
        self.path = str(work / "fork.sock")
        program = str((Path(ARGS.build) / "docnb-kernel").resolve())
        self.process = subprocess.Popen([program, "--fork-server", self.path],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while True:
            try:
                probe = _socket.socket(_socket.AF_UNIX)
                probe.connect(self.path)
                probe.close()
                return
            except OSError:
                assert self.process.poll() is None, "the fork server did not start"
                time.sleep(0.005)

    def start(self, n):
        """A forked kernel, timed from the request to its kernel_info_reply."""
        import json
        connection, _ = write_connection_file(str(self.work / f"fork-{n}.json"),
                                              key=os.urandom(16).hex().encode())
        began = time.perf_counter()
        conn = self.socket_module.socket(self.socket_module.AF_UNIX)
        conn.connect(self.path)
        conn.sendall((json.dumps({"argv": ["-f", connection], "cwd": str(self.work),
                                  "env": dict(os.environ), "log": "/dev/null"}) + "\n").encode())
        reader = conn.makefile()
        assert "pid" in json.loads(reader.readline())
        client = BlockingKernelClient(connection_file=connection)
        client.load_connection_file()
        client.start_channels()
        msg_id = client.kernel_info()
        while client.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
            pass
        seconds = time.perf_counter() - began
        client.wait_for_ready(timeout=60)
        return conn, client, seconds

    def close(self):
        self.process.kill()
        self.process.wait()


def check_display(client, label):
    reply, outputs = wait_done(client, client.execute("1+1"))
    results = [m["content"]["data"]["text/plain"] for m in outputs
               if m["msg_type"] == "execute_result"]
    assert reply["content"]["status"] == "ok" and results == ["2"], (label, results)
    reply, outputs = wait_done(client, client.execute(
        "from IPython.display import HTML, display; display(HTML('<b>x</b>'))"))
    shown = [m["content"]["data"] for m in outputs if m["msg_type"] == "display_data"]
    assert shown and shown[0].get("text/html") == "<b>x</b>", (label, shown)


def cells(client, count):
    began = time.perf_counter()
    for _ in range(count):
        reply, _ = wait_done(client, client.execute("x = 1"))
        assert reply["content"]["status"] == "ok", reply["content"]
    return (time.perf_counter() - began) / count


def write_trivial_notebook(path, count):
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "python3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("x = 1") for _ in range(count)]
    nbformat.write(nb, str(path))


def docnb_seconds(kernel_name, notebook, out):
    docnb = (Path(ARGS.build) / "docnb").resolve()
    began = time.perf_counter()
    # --no-cache: a run served from the cache would measure nothing; cwd beside the notebook,
    # so no .docnb folder lands where the benchmark was started.
    done = subprocess.run([str(docnb), "run", "--no-cache", "-j", "1", "--kernel", kernel_name,
                           "--out", out, str(notebook)], capture_output=True, text=True,
                          cwd=Path(notebook).parent)
    seconds = time.perf_counter() - began
    assert done.returncode == 0, (kernel_name, done.stdout, done.stderr)
    return seconds


def main():
    starts = {label: [] for label in KERNELS}
    per_cell = {label: [] for label in KERNELS}
    per_cell_docnb = {label: [] for label in KERNELS}
    work = Path(tempfile.mkdtemp(prefix="docnb-bench-kernel-"))
    write_trivial_notebook(work / "many.ipynb", ARGS.cells)
    write_trivial_notebook(work / "one.ipynb", 1)
    forked_starts = []
    forked_cells = []
    server = ForkServer(work)
    for run in range(ARGS.repeat):
        conn, client, seconds = server.start(run)
        try:
            check_display(client, "forked docnb-kernel")
            forked_starts.append(seconds)
            forked_cells.append(cells(client, ARGS.cells))
        finally:
            client.shutdown()
            client.stop_channels()
            conn.close()
        for label, kernel_name in KERNELS.items():
            manager, client, seconds = start(kernel_name)
            try:
                check_display(client, label)
                starts[label].append(seconds)
                per_cell[label].append(cells(client, ARGS.cells))
            finally:
                client.stop_channels()
                manager.shutdown_kernel(now=True)
            many = docnb_seconds(kernel_name, work / "many.ipynb", str(work / "out"))
            one = docnb_seconds(kernel_name, work / "one.ipynb", str(work / "out"))
            per_cell_docnb[label].append((many - one) / (ARGS.cells - 1))
        print(f"run {run + 1}/{ARGS.repeat} done", file=sys.stderr)

    def median_ms(values):
        return statistics.median(values) * 1000

    print(f"kernel start to kernel_info_reply and trivial-cell round trip "
          f"(median of {ARGS.repeat} runs, {ARGS.cells} cells per run)")
    print(f"{'kernel':<14}{'start ms':>10}{'cell ms':>10}{'cell ms (docnb)':>17}")
    server.close()
    for label in KERNELS:
        print(f"{label:<14}{median_ms(starts[label]):>10.1f}{median_ms(per_cell[label]):>10.3f}"
              f"{median_ms(per_cell_docnb[label]):>17.3f}")
    print(f"{'docnb-kernel, forked (as docnb starts it)':<14}")
    print(f"{'':<14}{median_ms(forked_starts):>10.1f}{median_ms(forked_cells):>10.3f}")
    forked_ratio = median_ms(starts["ipykernel"]) / median_ms(forked_starts)
    start_ratio = median_ms(starts["ipykernel"]) / median_ms(starts["docnb-kernel"])
    cell_ratio = median_ms(per_cell["ipykernel"]) / median_ms(per_cell["docnb-kernel"])
    docnb_ratio = median_ms(per_cell_docnb["ipykernel"]) / median_ms(per_cell_docnb["docnb-kernel"])
    print(f"docnb-kernel forked from its server is {forked_ratio:.2f}x faster to start than "
          f"ipykernel (target >= 3x); started plain (by jupyter_client) {start_ratio:.2f}x")
    print(f"docnb-kernel is {start_ratio:.2f}x faster to start plain (target >= 3x), "
          f"{cell_ratio:.2f}x faster per cell with jupyter_client and {docnb_ratio:.2f}x with "
          f"docnb ({median_ms(per_cell_docnb['docnb-kernel']):.3f} ms per cell; "
          f"target <= 0.5 ms)")


if __name__ == "__main__":
    main()
