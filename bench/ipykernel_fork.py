#!/usr/bin/python3
"""Speed on the user's own kernel: ipykernel forked from docnb's zygote, measured in one run.

  (1) 40 notebooks x 20 small cells on kernelspec python3: `docnb run -j 2 --no-cache`
      (kernels forked from the zygote) against nbclient one notebook after another (what
      `jupyter execute` does); docnb with --no-fork beside, for what the fork itself buys.
  (3) ipykernel start to first cell, forked against plain: from the request (a fork request to
      the zygote, as docnb sends it, or starting `python -m ipykernel_launcher -f FILE` as
      jupyter_client and docnb --no-fork do) to the execute_reply and idle of `1+1`, with the
      same client for both; median of 20, interleaved. The zygote's own start, paid once per
      run and kernelspec, is printed beside.
  (4) twenty notebooks that `import torch`: `docnb run -j 2 --no-cache --preload torch` against
      nbclient one notebook after another; docnb without --preload beside.

Every docnb run must exit 0 with every cell passed, and docnb's executed notebooks are compared
with nbclient's (outputs and execution counts), so a broken run cannot pass for a fast one.
Nothing here asserts on timings; it prints them.

Usage: /usr/bin/python3 bench/ipykernel_fork.py [--docnb PATH] [--repeat N] [--only 1,3,4]
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from speed import (  # noqa: E402  (also sets the environment both tools' kernels inherit)
    REPO, DocnbFailure, compare, docnb_run, nbclient_sequential, read_executed, write_set)
from output_check import report_problems, run_main  # noqa: E402

import nbformat  # noqa: E402
import zmq  # noqa: E402
from jupyter_client.connect import write_connection_file  # noqa: E402
from jupyter_client.session import Session  # noqa: E402

ZYGOTE = os.path.join(REPO, "src", "client", "ipykernel_zygote.py")
PYTHON = "/usr/bin/python3"
KERNEL_ARGV = ["-m", "ipykernel_launcher", "-f"]
HISTORY = "--HistoryManager.hist_file=:memory:"  # as docnb starts ipykernel
SET_NOTEBOOKS, SET_CELLS = 40, 20
STARTS = 20
TORCH_NOTEBOOKS = 20
TORCH_CELLS = ["import torch", "torch.tensor([1, 2, 3]).sum().item()",
               "print(torch.ones(2, 2).mean().item())"]


# ---------------------------------------------------------------- (1) and (4): whole runs

def bench_runs(docnb, root, label, paths, cells, variants, repeat, log):
    """nbclient one notebook after another against docnb with each of `variants` (options);
    returns {name: [seconds]} and the differences from nbclient's outputs."""
    project = os.path.dirname(os.path.dirname(paths[0]))
    times = {"nbclient sequential": [], **{name: [] for name in variants}}
    problems = []
    for r in range(repeat):
        wall, reference = nbclient_sequential(paths)
        times["nbclient sequential"].append(wall)
        log(f"{label} repeat {r + 1}: nbclient sequential {wall:.2f} s")
        for name, options in variants.items():
            out = os.path.join(project, "build", name.replace(" ", "_"))
            shutil.rmtree(out, ignore_errors=True)
            wall, _ = docnb_run(docnb, project, ["--no-cache", "-j", "2", "--out", out, *options,
                                                 "docs"], cells)
            times[name].append(wall)
            problems += [f"{name}: {p}" for p in compare(reference, read_executed(out))]
            log(f"{label} repeat {r + 1}: {name} {wall:.2f} s")
    return times, problems


def write_torch_set(folder):
    os.makedirs(folder)
    paths = []
    for k in range(TORCH_NOTEBOOKS):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "python3",
                                     "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell(source) for source in TORCH_CELLS]
        path = os.path.join(folder, f"torch{k:02d}.ipynb")
        nbformat.write(nb, path)
        paths.append(path)
    return paths


# ---------------------------------------------------------- (3): one kernel, start to cell

class Client:
    """The client side of a kernel's shell, iopub and control channels, on pyzmq and
    jupyter_client's Session (signing), as small as docnb's own: no event loop in between."""

    def __init__(self, connection_file):
        with open(connection_file) as f:
            info = json.load(f)
        self.session = Session(key=info["key"].encode(),
                               signature_scheme=info["signature_scheme"])
        context = zmq.Context.instance()
        identity = uuid.uuid4().bytes
        self.sockets = {}
        for name, kind in (("shell", zmq.DEALER), ("iopub", zmq.SUB), ("control", zmq.DEALER)):
            sock = context.socket(kind)
            sock.setsockopt(zmq.LINGER, 1000)  # the shutdown request must get out
            sock.setsockopt(zmq.RECONNECT_IVL, 5)
            if kind == zmq.SUB:
                sock.setsockopt(zmq.SUBSCRIBE, b"")
            else:
                sock.setsockopt(zmq.IDENTITY, identity)
            sock.connect(f"tcp://{info['ip']}:{info[name + '_port']}")
            self.sockets[name] = sock
        self.poller = zmq.Poller()
        for sock in self.sockets.values():
            self.poller.register(sock, zmq.POLLIN)

    def send(self, channel, msg_type, content=None):
        return self.session.send(self.sockets[channel], msg_type, content or {})["header"]["msg_id"]

    def receive(self, timeout):
        """(channel, message) of the next message within `timeout` seconds, or (None, None)."""
        for sock, _ in self.poller.poll(timeout * 1000):
            channel = next(name for name, s in self.sockets.items() if s is sock)
            _, message = self.session.recv(sock, zmq.NOBLOCK)
            if message is not None:
                return channel, message
        return None, None

    def close(self):
        for sock in self.sockets.values():
            sock.close()


def wait_until_connected(client):
    """As docnb does: kernel_info_request until its reply, and a status message on iopub for one
    of them (the proof that iopub is subscribed, so no output of the first cell is lost);
    resent soon at first, then less often, and soon again once the kernel has replied."""
    requests, replied, subscribed, wait = set(), False, False, 0.01
    give_up = time.perf_counter() + 60
    while not (replied and subscribed):
        if time.perf_counter() > give_up:
            raise DocnbFailure("the kernel did not answer kernel_info within 60 s")
        requests.add(client.send("shell", "kernel_info_request"))
        deadline = time.perf_counter() + wait
        while not (replied and subscribed) and time.perf_counter() < deadline:
            channel, message = client.receive(max(deadline - time.perf_counter(), 0))
            if message is None or message["parent_header"].get("msg_id") not in requests:
                continue
            if channel == "shell" and not replied:
                replied = True
                deadline = min(deadline, time.perf_counter() + 0.01)
            elif channel == "iopub":
                subscribed = True
        wait = 0.01 if replied else min(wait * 2, 0.25)


def cpu_seconds(pid):
    """User + system CPU the process has used, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_cell(connection_file, began, pid):
    """Seconds from `began` until kernel `pid` answered `1+1` with 2 (reply and idle), and the
    CPU seconds the kernel process had used by then (a forked one counts from its fork)."""
    client = Client(connection_file)
    try:
        wait_until_connected(client)
        msg_id = client.send("shell", "execute_request",
                             {"code": "1+1", "silent": False, "store_history": True,
                              "user_expressions": {}, "allow_stdin": False})
        result, idle, reply = None, False, None
        while reply is None or not idle:
            channel, message = client.receive(60)
            if message is None:
                raise DocnbFailure("no answer to 1+1 within 60 s")
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            kind = message["header"]["msg_type"]
            if channel == "shell":
                reply = message
            elif kind == "execute_result":
                result = message["content"]["data"]["text/plain"]
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                idle = True
        seconds = time.perf_counter() - began
        cpu = cpu_seconds(pid)
        if reply["content"]["status"] != "ok" or result != "2":
            raise DocnbFailure(f"1+1 gave {result!r} ({reply['content']['status']})")
        client.send("control", "shutdown_request", {"restart": False})
        return seconds, cpu
    finally:
        client.close()


class Zygote:
    """docnb's zygote for ipykernel (src/client/ipykernel_zygote.py), run as docnb runs it."""

    def __init__(self, work):
        self.path = os.path.join(work, "zygote.sock")
        began = time.perf_counter()
        self.process = subprocess.Popen([PYTHON, ZYGOTE, "--fork-server", self.path],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while True:
            try:
                with socket.socket(socket.AF_UNIX) as probe:
                    probe.connect(self.path)
                break
            except OSError:
                if self.process.poll() is not None:
                    raise DocnbFailure("the zygote did not start")
                time.sleep(0.005)
        self.seconds = time.perf_counter() - began

    def start_to_first_cell(self, connection_file, work):
        began = time.perf_counter()
        with socket.socket(socket.AF_UNIX) as conn:
            conn.connect(self.path)
            request = {"argv": [*KERNEL_ARGV, connection_file, HISTORY], "cwd": work,
                       "env": dict(os.environ), "log": os.devnull}
            conn.sendall((json.dumps(request) + "\n").encode())
            answers = conn.makefile()
            answer = json.loads(answers.readline())
            if "pid" not in answer:
                raise DocnbFailure(f"the zygote answered {answer}")
            measured = first_cell(connection_file, began, answer["pid"])
            conn.settimeout(20)
            try:
                answers.readline()  # its exit report: the kernel is gone
            except socket.timeout:
                os.kill(answer["pid"], signal.SIGKILL)
        return measured

    def close(self):
        self.process.kill()
        self.process.wait()


def plain_start_to_first_cell(connection_file, work):
    began = time.perf_counter()
    kernel = subprocess.Popen([PYTHON, *KERNEL_ARGV, connection_file, HISTORY], cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return first_cell(connection_file, began, kernel.pid)
    finally:
        try:
            kernel.wait(timeout=20)
        except subprocess.TimeoutExpired:
            kernel.kill()
            kernel.wait()


def bench_starts(root, log):
    work = os.path.join(root, "starts")
    os.makedirs(work)
    zygote = Zygote(work)
    forked, plain, forked_cpu, plain_cpu = [], [], [], []
    try:
        for n in range(STARTS):
            for label, start, times, cpu in (
                    ("forked", zygote.start_to_first_cell, forked, forked_cpu),
                    ("plain", plain_start_to_first_cell, plain, plain_cpu)):
                connection_file, _ = write_connection_file(
                    os.path.join(work, f"{label}-{n}.json"), key=os.urandom(16).hex().encode())
                seconds, used = start(connection_file, work)
                times.append(seconds)
                cpu.append(used)
            log(f"(3) start {n + 1}: forked {forked[-1] * 1000:.0f} ms, plain "
                f"{plain[-1] * 1000:.0f} ms")
    finally:
        zygote.close()
    return {"forked": forked, "plain": plain, "forked_cpu": forked_cpu, "plain_cpu": plain_cpu,
            "zygote": zygote.seconds}


# ----------------------------------------------------------------------------------- main

def ratio_line(times, peer, name, target):
    med = {k: statistics.median(v) for k, v in times.items()}
    return (f"    ratio {peer} / {name}: {med[peer] / med[name]:.2f}x"
            + (f" (target >= {target}x)" if target else ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docnb", default=os.environ.get("DOCNB", os.path.join(REPO, "build", "docnb")))
    ap.add_argument("--repeat", type=int, default=1, help="runs of (1) and (4); medians")
    ap.add_argument("--only", default="1,3,4", help="which benchmarks (default all)")
    args = ap.parse_args()
    docnb = os.path.abspath(args.docnb)
    only = set(args.only.split(","))

    def log(text):
        print("  " + text, file=sys.stderr, flush=True)

    load_before = os.getloadavg()[0]
    root = tempfile.mkdtemp(prefix="docnb-fork-bench-")
    problems = []
    try:
        sets = starts = torch = None
        if "1" in only:
            paths = write_set(os.path.join(root, "set", "docs"), SET_NOTEBOOKS, SET_CELLS)
            sets, found = bench_runs(docnb, root, "(1)", paths, SET_NOTEBOOKS * SET_CELLS,
                                     {"docnb -j 2": [], "docnb -j 2 --no-fork": ["--no-fork"]},
                                     args.repeat, log)
            problems += found
        if "3" in only:
            starts = bench_starts(root, log)
        if "4" in only:
            try:
                import torch as _  # noqa: F401
                paths = write_torch_set(os.path.join(root, "torch", "docs"))
                torch, found = bench_runs(
                    docnb, root, "(4)", paths, TORCH_NOTEBOOKS * len(TORCH_CELLS),
                    {"docnb -j 2 --preload torch": ["--preload", "torch"],
                     "docnb -j 2": []}, args.repeat, log)
                problems += found
            except ImportError:
                torch = {"skipped": "torch is not installed for /usr/bin/python3"}
    finally:
        shutil.rmtree(root, ignore_errors=True)
    load_after = os.getloadavg()[0]

    print(f"docnb on ipykernel, forked from its zygote ({os.cpu_count()} CPUs, median of "
          f"{args.repeat} for (1) and (4), wall seconds)")
    busy = max(load_before, load_after) > (os.cpu_count() or 1)
    print(f"1-min load average: {load_before:.2f} before, {load_after:.2f} after"
          + (" (above the CPU count: figures measured under load)" if busy else ""))
    if sets:
        med = {k: statistics.median(v) for k, v in sets.items()}
        print(f"(1) {SET_NOTEBOOKS} nb x {SET_CELLS} cells on python3: nbclient sequential "
              f"{med['nbclient sequential']:.2f}, docnb -j 2 --no-cache {med['docnb -j 2']:.2f} "
              f"(--no-fork {med['docnb -j 2 --no-fork']:.2f})")
        print(ratio_line(sets, "nbclient sequential", "docnb -j 2", 10))
        print(ratio_line(sets, "nbclient sequential", "docnb -j 2 --no-fork", None)
              + " (plain starts)")
    if starts:
        forked, plain = (statistics.median(starts[k]) * 1000 for k in ("forked", "plain"))
        print(f"(3) ipykernel start to first cell, median of {STARTS}: forked {forked:.0f} ms, "
              f"plain {plain:.0f} ms (the zygote itself started in "
              f"{starts['zygote'] * 1000:.0f} ms, once)")
        print(f"    ratio plain / forked: {plain / forked:.2f}x (target >= 10x)")
        forked_cpu, plain_cpu = (statistics.median(starts[k]) * 1000
                                 for k in ("forked_cpu", "plain_cpu"))
        print(f"    the kernel process's own CPU by then: forked {forked_cpu:.0f} ms, plain "
              f"{plain_cpu:.0f} ms, ratio {plain_cpu / max(forked_cpu, 1):.2f}x (clock ticks of "
              f"{1000 / os.sysconf('SC_CLK_TCK'):.0f} ms)")
    if torch and "skipped" in torch:
        print(f"(4) import torch notebooks: SKIPPED: {torch['skipped']}")
    elif torch:
        med = {k: statistics.median(v) for k, v in torch.items()}
        print(f"(4) {TORCH_NOTEBOOKS} notebooks importing torch: nbclient sequential "
              f"{med['nbclient sequential']:.2f}, docnb -j 2 --no-cache --preload torch "
              f"{med['docnb -j 2 --preload torch']:.2f} (without --preload "
              f"{med['docnb -j 2']:.2f})")
        print(ratio_line(torch, "nbclient sequential", "docnb -j 2 --preload torch", 10))
    if report_problems(problems):
        return 1
    if sets or torch:
        print("output check: OK (docnb's outputs equal nbclient's)")
    return 0


if __name__ == "__main__":
    run_main(main)
