#!/usr/bin/python3
"""Kernels on a Jupyter Server (the gateway) against kernels on this machine (ZeroMQ), in one
run, on one corpus, with one docnb.

Starts a real Jupyter Server on 127.0.0.1 (tests/fixtures/gateway/serve.py: Debian's
jupyter_server 1.23 and ipykernel), generates the corpus of execution_overhead.py (20 notebooks
x 20 trivial cells, 1 notebook x 1 cell, 1 notebook x 200 cells) and times
  * zeromq:       docnb run --no-cache --kernel python3 (local ipykernel, forked from docnb's
                  preloaded zygote)
  * gateway v1:   the same with --gateway-url: kernels started by the server, channels over
                  its websocket in the v1.kernel.websocket.jupyter.org subprotocol
  * gateway json: the same against a second server that selects no subprotocol (JSON frames)
the 20-notebook set with -j 2, and the per-cell overhead = (wall of the 200-cell notebook - wall
of the 1-cell notebook) / 199, start-up cancelling out. Medians of --repeat interleaved runs.

Every run must pass every cell, and the notebooks written over the gateway must equal the ones
written over ZeroMQ (outputs and execution counts); no timing is asserted.

Usage: /usr/bin/python3 bench/gateway.py [--docnb PATH] [--repeat N]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import execution_overhead as corpus

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVE = os.path.join(REPO, "tests", "fixtures", "gateway", "serve.py")
TOKEN = "docnb-bench-token"


class Server:
    """A Jupyter Server on a port the OS picks; `json`: it selects no websocket subprotocol."""

    def __init__(self, folder, json_frames):
        port_file = os.path.join(folder, "port")
        command = ["/usr/bin/python3", SERVE, port_file, f"--ServerApp.token={TOKEN}",
                   "--ServerApp.root_dir=/"]
        if json_frames:
            command.append("--ServerApp.kernel_ws_protocol=")
        self.log = open(os.path.join(folder, "server.log"), "wb")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while not os.path.exists(port_file):
            if self.process.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"gateway bench: the server did not start (see {folder}/server.log)")
            time.sleep(0.05)
        with open(port_file) as f:
            self.url = f"http://127.0.0.1:{f.read().strip()}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


def run(docnb, jobs, src_dir, out_dir, expect_cells, gateway_url=None):
    """Returns (wall seconds, {name: executed notebook}); raises on a broken run."""
    shutil.rmtree(out_dir, ignore_errors=True)
    cmd = [docnb, "run", "--no-cache", "-j", str(jobs), "--kernel", "python3", "--out", out_dir]
    if gateway_url:
        cmd += ["--gateway-url", gateway_url, "--gateway-token", TOKEN]
    cmd.append(src_dir)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          cwd=os.path.dirname(src_dir))
    wall = time.perf_counter() - t0
    found = corpus.SUMMARY.findall(proc.stdout)
    if proc.returncode != 0 or not found or tuple(map(int, found[-1])) != (expect_cells, 0, 0):
        raise corpus.DocnbFailure(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}")
    executed = {}
    for dirpath, _, files in os.walk(out_dir):
        for name in files:
            if name.endswith(".ipynb"):
                executed[name] = corpus.nbformat.read(os.path.join(dirpath, name), as_version=4)
    return wall, executed


def measure(docnb, repeat, root, servers):
    """{(tool, workload): [wall seconds]} and the output problems found."""
    paths = corpus.write_corpus(root)
    dirs = {k: os.path.dirname(v[0]) for k, v in paths.items()}
    cells = {"set": corpus.SET_NOTEBOOKS * corpus.SET_CELLS, "one": 1,
             "long": corpus.LONG_CELLS, "warmup": 1}
    jobs = {"set": 2, "one": 1, "long": 1, "warmup": 1}
    tools = {"zeromq": None, "gateway v1": servers["v1"].url,
             "gateway json": servers["json"].url}
    out = os.path.join(root, "out")
    for tool, url in tools.items():  # untimed: page cache, zygote, the servers' imports
        run(docnb, 1, dirs["warmup"], os.path.join(out, "warmup"), 1, url)
    times = {(tool, w): [] for tool in tools for w in ("set", "one", "long")}
    reference, problems = {}, []
    for r in range(repeat):
        for workload in ("set", "one", "long"):
            for tool, url in tools.items():
                o = os.path.join(out, f"{tool}-{workload}".replace(" ", "_"))
                wall, executed = run(docnb, jobs[workload], dirs[workload], o, cells[workload],
                                     url)
                times[(tool, workload)].append(wall)
                if tool == "zeromq":
                    reference[workload] = executed
                else:
                    problems += [f"[{tool} {workload}] {p}"
                                 for p in corpus.compare(reference[workload], executed)]
                print(f"  repeat {r + 1}/{repeat}  {tool:<13} {workload:<5} {wall:7.2f} s",
                      file=sys.stderr, flush=True)
    return times, problems


def report(times, repeat, problems):
    med = {k: statistics.median(v) for k, v in times.items()}
    tools = ["zeromq", "gateway v1", "gateway json"]
    n = corpus.LONG_CELLS - 1
    per_cell = {t: (med[(t, "long")] - med[(t, "one")]) / n * 1000 for t in tools}
    print(f"docnb on gateway kernels (a Jupyter Server on this machine) vs local ZeroMQ "
          f"kernels ({os.cpu_count()} CPUs, median of {repeat})")
    print(f"1-min load average: {os.getloadavg()[0]:.2f}")
    header = f"{'workload':<30}" + "".join(f"{t:>14}" for t in tools) + \
        f"{'v1/zmq':>9}{'json/zmq':>10}"
    print(header)
    print("-" * len(header))
    rows = [(f"{corpus.SET_NOTEBOOKS} nb x {corpus.SET_CELLS} cells, -j 2 (s)",
             {t: med[(t, "set")] for t in tools}),
            ("1 nb x 1 cell (s)", {t: med[(t, "one")] for t in tools}),
            (f"1 nb x {corpus.LONG_CELLS} cells (s)", {t: med[(t, "long")] for t in tools}),
            ("per-cell overhead (ms)", per_cell)]
    for label, values in rows:
        ratios = [values[t] / values["zeromq"] if values["zeromq"] > 0 else float("nan")
                  for t in tools[1:]]
        print(f"{label:<30}" + "".join(f"{values[t]:>14.2f}" for t in tools) +
              f"{ratios[0]:>8.2f}x{ratios[1]:>9.2f}x")
    print(f"per-cell overhead = (wall {corpus.LONG_CELLS}-cell nb - wall 1-cell nb) / {n}; "
          "ratios above 1.00x: the gateway is slower")
    if problems:
        print(f"output check: MISMATCH ({len(problems)})")
        for p in problems[:10]:
            print("  " + p)
        return 1
    print("output check: OK (every notebook written over the gateway equals the one written "
          "over ZeroMQ: outputs and execution counts)")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docnb", default=os.path.join(REPO, "build", "docnb"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docnb = os.path.abspath(args.docnb)
    if not os.access(docnb, os.X_OK):
        sys.exit(f"gateway bench: no docnb binary at {docnb} (use --docnb PATH)")
    root = tempfile.mkdtemp(prefix="docnb-bench-gateway-")
    servers = {}
    try:
        for framing in ("v1", "json"):
            folder = os.path.join(root, f"server-{framing}")
            os.makedirs(folder)
            servers[framing] = Server(folder, json_frames=framing == "json")
        times, problems = measure(docnb, max(1, args.repeat), os.path.join(root, "corpus"),
                                  servers)
    finally:
        for server in servers.values():
            server.stop()
        shutil.rmtree(root, ignore_errors=True)
    return report(times, max(1, args.repeat), problems)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except corpus.DocnbFailure as failure:
        print(f"output check: MISMATCH (a docnb run failed)\n{failure}")
        sys.exit(1)
