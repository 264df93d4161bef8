"""A real Jupyter Server for the gateway end-to-end tests (tests/fixtures/gateway/serve.py),
and what the tests ask of it: its URL and token, its kernels, a restart."""
import json
import os
import signal
import ssl
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import harness

SERVE = harness.SOURCE_DIR / "tests" / "fixtures" / "gateway" / "serve.py"
TOKEN = "docnb-e2e-token"


class GatewayServer:
    """Started on entering, stopped (SIGTERM: its kernels shut down) on leaving.

    framing: "v1" lets the server select the v1 subprotocol docnb offers; "json" makes it
    select none, so that the channels speak JSON frames. env: added to the server's
    environment, which its kernels inherit. options: more jupyter_server options."""

    def __init__(self, framing="v1", env=None, options=(), ca_file=None):
        self.framing = framing
        self.env = env or {}
        self.options = list(options)
        # https with this certificate, when given (the server's options name it and its key)
        self.ca_file = ca_file
        self.process = None
        self.port = None
        self.folder = Path(tempfile.mkdtemp(prefix="docnb-gateway-e2e-"))

    def __enter__(self):
        port_file = self.folder / "port"
        command = ["/usr/bin/python3", str(SERVE), str(port_file),
                   f"--ServerApp.token={TOKEN}", "--ServerApp.root_dir=/", *self.options]
        if self.framing == "json":
            command.append("--ServerApp.kernel_ws_protocol=")
        self.log = open(self.folder / "server.log", "wb")
        self.process = subprocess.Popen(command, env=dict(os.environ, **self.env),
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while not port_file.exists():
            harness.check(self.process.poll() is None, "the server died:\n" + self.log_text())
            harness.check(time.monotonic() < deadline, "the server did not start")
            time.sleep(0.05)
        self.port = int(port_file.read_text())
        return self

    def __exit__(self, *exc):
        self.stop()
        self.log.close()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_text(self):
        return (self.folder / "server.log").read_text(errors="replace")

    @property
    def url(self):
        return f"{'https' if self.ca_file else 'http'}://127.0.0.1:{self.port}"

    def options_for(self, cwd):
        """docnb's options for this server, kernels running where `cwd` is."""
        return ["--gateway-url", self.url, "--gateway-token", TOKEN,
                "--gateway-cwd", str(Path(cwd).resolve())]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, method=method, data=data,
                                         headers={"Authorization": f"token {TOKEN}",
                                                  "Content-Type": "application/json"})
        context = ssl.create_default_context(cafile=str(self.ca_file)) if self.ca_file else None
        with urllib.request.urlopen(request, timeout=60, context=context) as reply:
            text = reply.read()
            return json.loads(text) if text else None

    def kernels(self):
        # jupyter_server 1.23 answers 500 while a kernel is between its start and its first
        # model (execution_state not yet set): asked again.
        for _ in range(100):
            try:
                return self.call("GET", "/api/kernels")
            except urllib.error.HTTPError as error:
                if error.code != 500:
                    raise
                time.sleep(0.1)
        return self.call("GET", "/api/kernels")

    def restart(self, kernel_id):
        return self.call("POST", f"/api/kernels/{kernel_id}/restart", {})

    def wait_for_kernels(self, count, timeout=120):
        """The kernels, once there are `count` of them."""
        deadline = time.monotonic() + timeout
        while len(kernels := self.kernels()) < count:
            harness.check(time.monotonic() < deadline, f"{count} kernels never ran at once")
            time.sleep(0.1)
        return kernels

    def check_no_kernels(self, when):
        kernels = self.kernels()
        harness.check(kernels == [], f"kernels left on the gateway {when}: {kernels}")
