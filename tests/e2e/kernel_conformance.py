"""docnb-kernel speaks the Jupyter protocol: Debian's jupyter_kernel_test against it, plus the
kernel's own promises (interrupts, ename, argv) checked over the same connection.

Usage: kernel_conformance.py [unittest options]. The build tree's kernelspec folder comes from
the docnb binary's folder ($DOCNB), put first on JUPYTER_PATH.

Tests of jupyter_kernel_test that docnb-kernel cannot pass: none known. (test_history runs the
"tail" and "range" operations, which xeus' in-memory history answers; "search" too.)
"""
import json
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
import unittest
import uuid
from pathlib import Path

BUILD = Path(os.environ["DOCNB"]).resolve().parent
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    [str(BUILD / "share" / "jupyter")] + [p for p in os.environ.get("JUPYTER_PATH", "").split(
        os.pathsep) if p])

import jupyter_kernel_test  # noqa: E402  (needs JUPYTER_PATH first)
from jupyter_client import BlockingKernelClient  # noqa: E402
from jupyter_client.connect import write_connection_file  # noqa: E402
from jupyter_client.manager import start_new_kernel  # noqa: E402

REPLY_TIMEOUT = 30  # seconds to wait for a message; a wait, never a timing assertion
START_ATTEMPTS = 3


def start_docnb_kernel(**kwargs):
    """start_new_kernel, again on fresh ports when the kernel died at once: jupyter_client lets
    go of the ports it picked before the kernel binds them, and under parallel tests another
    process may take one first (which says nothing about the kernel)."""
    for attempt in range(START_ATTEMPTS):
        try:
            return start_new_kernel(kernel_name="docnb-python", **kwargs)
        except RuntimeError as error:
            if attempt + 1 == START_ATTEMPTS or "died" not in str(error):
                raise


class DocnbKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "docnb-python"
    language_name = "python"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"
    code_stderr = "import sys; print('test', file=sys.stderr)"
    completion_samples = [
        {"text": "zi", "matches": {"zip"}},
        {"text": "ZeroDivisionErr", "matches": {"ZeroDivisionError"}},
    ]
    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n  return x*2\n\n\n"]
    incomplete_code_samples = ["print('''hello", "def f(x):\n  x*2"]
    invalid_code_samples = ["import = 7q"]
    code_page_something = "zip?"
    code_generate_error = "raise ValueError('oops')"
    code_execute_result = [
        {"code": "1+2+3", "result": "6"},
        {"code": "[n*n for n in range(1, 4)]", "result": "[1, 4, 9]"},
    ]
    code_display_data = [
        {"code": "from IPython.display import HTML, display; display(HTML('<b>test</b>'))",
         "mime": "text/html"},
        {"code": "from IPython.display import Math, display; display(Math('\\\\frac{1}{2}'))",
         "mime": "text/latex"},
    ]
    code_history_pattern = "1?2*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "zip"
    code_clear_output = "from IPython.display import clear_output; clear_output()"

    # docnb-kernel's own promises, on the same kernel.

    def wait_for_idle(self, msg_id):
        while True:
            msg = self.kc.get_iopub_msg(timeout=REPLY_TIMEOUT)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                return

    def run_cell(self, code):
        reply, outputs = self.execute_helper(code, timeout=REPLY_TIMEOUT)
        return reply["content"], outputs

    def test_docnb_error_name_is_the_class_name(self):
        self.flush_channels()
        content, outputs = self.run_cell("1/0")
        self.assertEqual(content["ename"], "ZeroDivisionError")
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual([e["ename"] for e in errors], ["ZeroDivisionError"])

    def test_docnb_sys_argv_is_not_the_kernels(self):
        self.flush_channels()
        _, outputs = self.run_cell("import sys; print(sys.argv, sys.executable)")
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertNotIn("-f", text)
        self.assertIn("python3", text)

    def test_docnb_idle_interrupts_are_dropped(self):
        self.flush_channels()
        for _ in range(5):
            self.km.interrupt_kernel()
        time.sleep(0.5)  # let the signals land while the kernel is idle
        self.assertTrue(self.km.is_alive())
        content, outputs = self.run_cell("40 + 2")
        self.assertEqual(content["status"], "ok")
        results = [m["content"]["data"]["text/plain"] for m in outputs
                   if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["42"])

    def test_docnb_idle_interrupts_are_dropped_when_a_cell_started_a_thread(self):
        # A thread a cell starts is not the kernel's own: the signal may land on it.
        self.flush_channels()
        content, _ = self.run_cell("import threading, time\n"
                                   "threading.Thread(target=time.sleep, args=(60,), "
                                   "daemon=True).start()")
        self.assertEqual(content["status"], "ok")
        for _ in range(5):
            self.km.interrupt_kernel()
        time.sleep(0.5)
        msg_id = self.kc.complete("zi", 2)
        reply = self.kc.get_shell_msg(timeout=REPLY_TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertIn("zip", reply["content"]["matches"])
        content, outputs = self.run_cell("40 + 2")
        self.assertEqual(content["status"], "ok")

    def test_docnb_bad_magic_replies_usage_error_like_ipykernel(self):
        self.flush_channels()
        content, outputs = self.run_cell("%no_such_magic_docnb")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "UsageError")
        self.assertEqual([m for m in outputs if m["msg_type"] == "error"], [])
        self.assertTrue(any(m["msg_type"] == "stream" and m["content"]["name"] == "stderr"
                            for m in outputs))

    def test_docnb_rich_display(self):
        self.flush_channels()
        _, outputs = self.run_cell(
            "class Shown:\n"
            "    def _repr_html_(self): return '<i>shown</i>'\n"
            "    def _repr_latex_(self): return r'$x^2$'\n"
            "Shown()")
        results = [m["content"]["data"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        self.assertEqual(results[0]["text/html"], "<i>shown</i>")
        self.assertEqual(results[0]["text/latex"], "$x^2$")
        _, outputs = self.run_cell("%matplotlib inline\n"
                                   "import matplotlib.pyplot as plt\n"
                                   "plt.plot([1, 2, 3]); plt.show()")
        images = [m for m in outputs if m["msg_type"] == "display_data"
                  and "image/png" in m["content"]["data"]]
        self.assertEqual(len(images), 1)

    def test_docnb_stdout_is_a_text_stream(self):
        self.flush_channels()
        content, outputs = self.run_cell(
            "import sys, io, faulthandler\n"
            "faulthandler.enable()\n"
            "print(sys.stdout.encoding, isinstance(sys.stdout, io.TextIOBase), "
            "sys.stdout.isatty())")
        self.assertEqual(content["status"], "ok", content)
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertEqual(text, "utf-8 True False\n")

    def test_docnb_interrupt_stops_a_long_loop(self):
        self.flush_channels()
        msg_id = self.kc.execute("import time\nwhile True: time.sleep(0.01)")
        # Wait until the cell runs, then interrupt it.
        while True:
            msg = self.kc.get_iopub_msg(timeout=REPLY_TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                break
        time.sleep(0.2)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=REPLY_TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        self.wait_for_idle(msg_id)
        self.assertEqual(self.run_cell("'alive'")[0]["status"], "ok")

    def test_docnb_every_request_gets_a_reply_under_random_interrupts(self):
        # SIGINTs at random moments land in user code, in IPython's own code around it, and
        # between cells: every execute_request must still get its reply, and the kernel live.
        # (The interrupt gate raises only while a cell's code runs: see interrupt_window.hpp.)
        self.flush_channels()
        rng = random.Random(6)
        for _ in range(100):
            msg_id = self.kc.execute("x = sum(range(20000))")
            time.sleep(rng.uniform(0, 0.004))
            self.km.interrupt_kernel()
            reply = self.kc.get_shell_msg(timeout=REPLY_TIMEOUT)
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
            self.assertIn(reply["content"]["status"], ("ok", "error"), reply["content"])
            if reply["content"]["status"] == "error":
                self.assertEqual(reply["content"].get("ename"), "KeyboardInterrupt",
                                 reply["content"])
            self.wait_for_idle(msg_id)
        self.flush_channels()
        self.assertTrue(self.km.is_alive())
        self.assertEqual(self.run_cell("'alive'")[0]["status"], "ok")


class KernelStderrTests(unittest.TestCase):
    """What the kernel prints on its own stderr (the log), which a client never sees."""

    def test_no_unrecognized_alias_from_the_kernel_argv(self):
        log = Path(os.environ.get("TMPDIR", "/tmp")) / f"docnb-kernel-{os.getpid()}.log"
        with open(log, "w") as stream:
            km, kc = start_new_kernel(kernel_name="docnb-python", stdout=stream, stderr=stream)
            try:
                kc.execute_interactive("1", timeout=REPLY_TIMEOUT)
            finally:
                kc.stop_channels()
                km.shutdown_kernel()
        text = log.read_text()
        log.unlink()
        self.assertNotIn("Unrecognized", text)
        self.assertNotIn("Traceback", text)


class KernelSignalTests(unittest.TestCase):
    """A signal a cell's code handles, landing between cells, leaves the kernel running, started
    plainly or forked from docnb-kernel's fork server: in xeus' threads, and in the shell's
    between requests, it would interrupt a ZeroMQ call, whose EINTR nothing catches (a torch
    DataLoader's worker processes end with SIGCHLD, which torch handles)."""

    START_CHILDREN = ("import signal, subprocess\n"
                      "ended = []\n"
                      "signal.signal(signal.SIGCHLD, lambda *_: ended.append(1))\n"
                      "children = [subprocess.Popen(['sleep', '0.%02d' % k]) for k in range(1, 30)]")

    def check_children_ending_between_cells(self, kc, alive):
        for _ in range(3):
            reply = kc.execute_interactive(self.START_CHILDREN, timeout=REPLY_TIMEOUT)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            time.sleep(0.5)  # the children end while the kernel waits for its next request
            reply = kc.execute_interactive("[child.wait() for child in children] and None",
                                           timeout=REPLY_TIMEOUT)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            self.assertTrue(alive())

    def test_plain_kernel(self):
        km, kc = start_docnb_kernel()
        try:
            self.check_children_ending_between_cells(kc, km.is_alive)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_forked_kernel(self):
        folder = Path(tempfile.mkdtemp(prefix="docnb-kernel-fork-"))
        server = subprocess.Popen([str(BUILD / "docnb-kernel"), "--fork-server",
                                   str(folder / "fork.sock")], stdout=subprocess.PIPE, text=True)
        try:
            self.assertIn("ready", server.stdout.readline())
            for attempt in range(START_ATTEMPTS):
                request, kc, alive = self.fork_kernel(folder, attempt)
                try:
                    if not self.ready_unless_dead(kc, alive):
                        continue  # its ports were taken before it bound them: fresh ones
                    self.check_children_ending_between_cells(kc, alive)
                    return
                finally:
                    kc.stop_channels()
                    request.close()  # the server kills the kernel of a request that went away
            self.fail(f"no forked kernel started in {START_ATTEMPTS} attempts")
        finally:
            server.kill()
            server.wait()
            shutil.rmtree(folder)

    @staticmethod
    def fork_kernel(folder, attempt):
        """A kernel forked by the server on fresh ports: (the request's connection, a client,
        whether the kernel process is alive)."""
        connection_file, _ = write_connection_file(str(folder / f"kernel-{attempt}.json"),
                                                   key=uuid.uuid4().hex.encode())
        request = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        request.connect(str(folder / "fork.sock"))
        request.sendall((json.dumps({"argv": ["-f", connection_file], "cwd": str(folder),
                                     "env": dict(os.environ)}) + "\n").encode())
        pid = json.loads(request.makefile().readline())["pid"]
        kc = BlockingKernelClient(connection_file=connection_file)
        kc.load_connection_file()
        kc.start_channels()

        def alive():
            stat = Path(f"/proc/{pid}/stat")
            return stat.exists() and stat.read_text().split(")")[-1].split()[0] != "Z"
        return request, kc, alive

    @staticmethod
    def ready_unless_dead(kc, alive):
        deadline = time.monotonic() + REPLY_TIMEOUT
        while time.monotonic() < deadline:
            if not alive():
                return False
            try:
                kc.wait_for_ready(timeout=1)
                return True
            except RuntimeError:
                pass
        raise AssertionError(f"the forked kernel did not answer within {REPLY_TIMEOUT} s")


class KernelShutdownTests(unittest.TestCase):
    """How the kernel ends when asked to: a reply, exit status 0, and no teardown of the
    libraries it loaded (their static destructors write to pages a forked kernel shares with
    its server, torch's for about 60 ms of CPU, and nothing outside the process sees them)."""

    def test_shutdown_replies_and_skips_the_libraries_exit_handlers(self):
        marker = Path(tempfile.mkdtemp(prefix="docnb-kernel-exit-")) / "exit-handler-ran"
        km, kc = start_docnb_kernel()
        try:
            # A C-level exit handler registered from a cell: it stands for the destructors of a
            # library the kernel loaded, registered the same way (__cxa_atexit).
            code = ("import ctypes\n"
                    f"def handler(_): open({str(marker)!r}, 'w').close()\n"
                    "handler_c = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(handler)\n"
                    "assert ctypes.CDLL(None).__cxa_atexit(handler_c, None, None) == 0\n")
            reply = kc.execute_interactive(code, timeout=REPLY_TIMEOUT)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            request = kc.shutdown()
            reply = kc.get_control_msg(timeout=REPLY_TIMEOUT)
            self.assertEqual(reply["parent_header"]["msg_id"], request)
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            self.assertEqual(km.provisioner.process.wait(timeout=REPLY_TIMEOUT), 0)
            self.assertFalse(marker.exists(), "the exit handler ran")
        finally:
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=True)
            shutil.rmtree(marker.parent)


if __name__ == "__main__":
    unittest.main(verbosity=2)
