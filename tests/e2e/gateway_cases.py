"""End-to-end behaviours of `docnb run` on the kernels of a real Jupyter Server.

Usage: gateway_cases.py GROUP
  shared       the cases that can share one server, in turn (each checks that no kernel is
               left on it)
  shutdown     the server is shut down while sources run
  sigterm      docnb is stopped by SIGTERM while sources run
  tls          https with a certificate of the test's own
"""
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import gateway
import harness
from harness import check, run_docnb, write_notebook

SHARED = {}


def shared(function):
    SHARED[function.__name__] = function
    return function


def wait_for_file(path, timeout=120):
    deadline = time.monotonic() + timeout
    while not path.exists():
        check(time.monotonic() < deadline, f"{path} never appeared")
        time.sleep(0.05)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_docnb(server, work, jobs):
    return subprocess.Popen([harness.DOCNB, "run", "-j", str(jobs), *server.options_for(work),
                             "."], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(docnb, timeout, hung):
    """docnb's stdout and stderr once it exits; fails with `hung` when it does not in time."""
    try:
        out, err = docnb.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        docnb.kill()
        check(False, hung)
    print(out, err)
    return out, err


def marker_cell(path, then="import time\ntime.sleep(600)"):
    """A cell that says it runs (a file appears), then goes on."""
    return f"open({str(path)!r}, 'w').close()\n{then}"


@shared
def kernels_lists_the_gateway_kernelspecs(server, work):
    code, out, err = run_docnb("kernels", "--gateway-url", server.url, "--gateway-token",
                               gateway.TOKEN, cwd=work)
    check(code == 0, f"exit code {code}: {err}")
    check(f"python3\tPython 3 (ipykernel)\t{server.url}/ (default)" in out, out)
    code, out, err = run_docnb("kernels", cwd=work, env={"JUPYTER_GATEWAY_URL": server.url,
                                                         "JUPYTER_GATEWAY_AUTH_TOKEN":
                                                             gateway.TOKEN})
    check(code == 0 and "(default)" in out, f"from the environment: {code} {out} {err}")
    (work / "pyproject.toml").write_text(f'[tool.docnb]\ngateway_url = "{server.url}"\n')
    code, out, err = run_docnb("kernels", "--gateway-token", gateway.TOKEN, cwd=work)
    check(code == 0 and "(default)" in out, f"from [tool.docnb]: {code} {out} {err}")
    code, out, err = run_docnb("kernels", "--gateway-header", "no colon", cwd=work)
    check(code == 2 and "NAME:VALUE" in err, f"a malformed header: {code} {err}")


@shared
def eight_kernels_at_once_lose_no_output(server, work):
    # The first cells wait until the test has seen eight kernels on the server at once.
    go = work / "go"
    for i in range(8):
        write_notebook(work / f"nb{i}.ipynb", [
            "import os, time\npid = os.getpid()\n"
            f"while not os.path.exists({str(go)!r}): time.sleep(0.05)",
            f"print('notebook {i}', pid)\nfor n in range(200): print(n)"])
    seen = []

    def release():
        try:
            seen.extend(server.wait_for_kernels(8))
        finally:
            go.touch()

    releaser = threading.Thread(target=release)
    releaser.start()
    code, out, err = run_docnb("run", "-j", "8", *server.options_for(work), ".", cwd=work)
    releaser.join()
    print(out, err)
    check(len(seen) >= 8, f"{len(seen)} kernels at once")
    check(code == 0, f"exit code {code}")
    pids = set()
    for i in range(8):
        nb = harness.read_notebook(harness.executed_path(work, f"nb{i}.ipynb"))
        lines = nb.cells[1].outputs[0]["text"].splitlines()
        check(lines[0].startswith(f"notebook {i} "), f"nb{i} got another notebook's output")
        check(lines[1:] == [str(n) for n in range(200)], f"nb{i} lost output")
        pids.add(lines[0].split()[-1])
    check(len(pids) == 8, f"8 notebooks shared kernels: {pids}")


@shared
def dead_kernels_fail_their_cell_and_the_next_source_runs(server, work):
    write_notebook(work / "a_exit.ipynb", ["import os\nos._exit(3)", "print(1)"])
    write_notebook(work / "b_segv.ipynb", ["import ctypes\nctypes.string_at(0)"])
    write_notebook(work / "c_fine.ipynb", ["print('fine')"])
    code, out, err = run_docnb("run", "-j", "1", *server.options_for(work), ".", cwd=work)
    print(out, err)
    check(code == 1, f"exit code {code}")
    check(out.count("kernel died (the gateway restarted it") == 2,
          "os._exit and the segfault are not both reported as deaths")
    check("PASS c_fine.ipynb" in out, "the next source did not pass")


@shared
def a_restart_through_the_rest_api_fails_the_running_cell(server, work):
    # The cell names its kernel (jupyter_server names connection files kernel-ID.json): the
    # warm kernel of the next source is on the server too.
    running = work / "running"
    write_notebook(work / "a_restarted.ipynb", [
        "import ipykernel.connect, os, re, time\n"
        "kernel_id = re.search(r'kernel-(.+)\\.json', ipykernel.connect.get_connection_file())[1]\n"
        f"open({str(running) + '.part'!r}, 'w').write(kernel_id)\n"
        f"os.rename({str(running) + '.part'!r}, {str(running)!r})\n"
        "time.sleep(600)",
        "time.sleep(60)", "print('never')"])
    write_notebook(work / "b_after.ipynb", ["print('after')"])

    def restart():
        wait_for_file(running)
        server.restart(running.read_text())

    restarter = threading.Thread(target=restart)
    restarter.start()
    code, out, err = run_docnb("run", "-j", "1", *server.options_for(work), ".", cwd=work)
    restarter.join()
    print(out, err)
    check(code == 1, f"exit code {code}")
    # The server interrupts the running cell first; the kernel that answers next is new.
    check("KeyboardInterrupt" in out, "the interrupted cell is not reported")
    check("kernel restarted on the gateway" in out, "the restart is not reported")
    check("PASS b_after.ipynb" in out, "the next source did not pass")


@shared
def data_files_are_found_through_the_gateway_cwd(server, work):
    (work / "docs").mkdir()
    (work / "docs" / "data.txt").write_text("42\n")
    write_notebook(work / "docs" / "reads.ipynb", ["print(open('data.txt').read())"])
    code, out, err = run_docnb("run", *server.options_for(work), "docs/reads.ipynb", cwd=work)
    print(out, err)
    check(code == 0, f"with --gateway-cwd: exit code {code}")
    nb = harness.read_notebook(harness.executed_path(work, "docs/reads.ipynb"))
    check(nb.cells[0].outputs[0]["text"] == "42\n\n", "the data file was not read")
    # Without it the kernel runs in the server's own folder, where the file is not.
    code, out, err = run_docnb("run", "--no-cache", "--gateway-url", server.url,
                               "--gateway-token", gateway.TOKEN, "docs/reads.ipynb", cwd=work)
    check(code == 1 and "FileNotFoundError" in out, f"without --gateway-cwd: {code} {out}")


@shared
def cache_keys_carry_the_gateway(server, work):
    log = work / "runs.log"
    write_notebook(work / "nb.ipynb", [f"open({str(log)!r}, 'a').write('x')\nprint('ran')"])

    def run_counted(*options):
        code, out, err = run_docnb("run", *options, "nb.ipynb", cwd=work)
        print(out, err)
        check(code == 0, f"exit code {code}: {out} {err}")
        return len(log.read_text()), "cached" in out

    check(run_counted(*server.options_for(work)) == (1, False), "first run over the gateway")
    check(run_counted(*server.options_for(work)) == (1, True), "same gateway: not a cache hit")
    check(run_counted() == (2, False), "a local kernel was served the gateway's run")
    check(run_counted(*server.options_for(work)[:-1], "/") == (3, False),
          "another remote folder was served the cached run")


@shared
def a_wrong_token_is_a_usage_error(server, work):
    write_notebook(work / "nb.ipynb", ["print(1)"])
    code, out, err = run_docnb("run", "--gateway-url", server.url, "--gateway-token", "wrong",
                               "nb.ipynb", cwd=work)
    print(out, err)
    check(code == 2, f"exit code {code}, want 2")
    check("refused the request (HTTP 403 Forbidden)" in err and "--gateway-token" in err,
          "the refusal is not explained")


@shared
def an_unreachable_gateway_is_a_usage_error(server, work):
    write_notebook(work / "nb.ipynb", ["print(1)"])
    url = f"http://127.0.0.1:{closed_port()}"
    code, out, err = run_docnb("run", "--gateway-url", url, "nb.ipynb", cwd=work)
    print(out, err)
    check(code == 2, f"exit code {code}, want 2")
    check(f"cannot reach the gateway at {url}/" in err and "(5 attempts in" in err,
          "the bounded retries are not reported")
    code, out, err = run_docnb("run", "--gateway-url", "http://gw.example:8888", "nb.ipynb",
                               cwd=work)
    check(code == 2 and "use https://" in err, f"plain http to another host: {code} {err}")


def run_shared():
    with gateway.GatewayServer() as server:
        for name, function in SHARED.items():
            print(f"== {name}", flush=True)
            function(server, harness.workdir())
            server.check_no_kernels(f"after {name}")


def server_shut_down_mid_run():
    work = harness.workdir()
    for i in range(4):
        write_notebook(work / f"nb{i}.ipynb", [marker_cell(work / f"running{i}"), "print(1)"])
    with gateway.GatewayServer() as server:
        docnb = start_docnb(server, work, jobs=2)
        server.wait_for_kernels(2)
        wait_for_file(work / "running0")
        server.stop()
        out, _ = finish(docnb, 240, "docnb hung once the gateway was gone")
    check(docnb.returncode == 1, f"exit code {docnb.returncode}")
    check("kernel lost" in out, "the running sources do not say the kernel was lost")
    check("cannot reach the gateway" in out, "the sources not started do not say why")
    check("PASS" not in out, "a source passed without a server")


def sigterm_leaves_no_kernel():
    work = harness.workdir()
    for i in range(4):
        write_notebook(work / f"nb{i}.ipynb", [marker_cell(work / f"running{i}")])
    with gateway.GatewayServer() as server:
        docnb = start_docnb(server, work, jobs=2)
        server.wait_for_kernels(2)
        wait_for_file(work / "running0")
        docnb.send_signal(signal.SIGTERM)
        finish(docnb, 120, "docnb did not stop on SIGTERM")
        left = server.kernels()
        if docnb.returncode == -signal.SIGTERM:
            for kernel in left:
                server.call("DELETE", f"/api/kernels/{kernel['id']}")
            harness.skip("docnb does not handle SIGTERM yet (it died of the signal), so its "
                         f"kernels' destructors never ran: {len(left)} left on the server")
        check(left == [], f"kernels left on the gateway after SIGTERM: {left}")


def tls():
    folder = harness.workdir()
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    work = harness.workdir()
    write_notebook(work / "nb.ipynb", ["print('over https')"])
    with gateway.GatewayServer(ca_file=cert, options=[f"--ServerApp.certfile={cert}",
                                                      f"--ServerApp.keyfile={key}"]) as server:
        code, out, err = run_docnb("run", *server.options_for(work), "--gateway-ca", str(cert),
                                   "nb.ipynb", cwd=work)
        print(out, err)
        check(code == 0, f"with --gateway-ca: exit code {code}")
        code, out, err = run_docnb("run", *server.options_for(work), "nb.ipynb", cwd=work)
        print(out, err)
        check(code == 2 and "certificate verify failed" in err,
              f"an unknown certificate was accepted: {code}")
        server.check_no_kernels("after the runs")


if __name__ == "__main__":
    group = sys.argv[1]
    {"shared": run_shared, "shutdown": server_shut_down_mid_run,
     "sigterm": sigterm_leaves_no_kernel, "tls": tls}[group]()
    print(group, "ok")
