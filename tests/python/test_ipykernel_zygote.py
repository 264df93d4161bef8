# src/client/ipykernel_zygote.py, run as docnb runs it (`python ipykernel_zygote.py
# --fork-server SOCKET`, one JSON request per kernel): a kernel forked from it and asked to shut
# down ends by itself, its teardown never waiting on the flush that ipykernel 6's control thread
# makes after a shutdown_request.
import json
import os
import socket
import subprocess
import sys

import pytest
from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file

from product import ROOT

ZYGOTE = ROOT / 'src/client/ipykernel_zygote.py'
# In docnb's runs about one kernel in ten lost this race and waited out the flush timeout: its
# control thread, done with the shutdown_request, handed its flush of stdout to the iopub thread
# just as the main thread's teardown (IPKernelApp.close()) stopped that thread. There is no race
# when the control thread has ended before the iopub thread is stopped. This preload (run once
# in the zygote, so every kernel forked has it) makes the control thread late after every
# shutdown_request, and notes, when the iopub thread is stopped, whether the control thread
# still runs.
LATE_CONTROL_THREAD = """
import os
import threading
import time
import ipykernel.iostream
import ipykernel.kernelbase

handler = ipykernel.kernelbase.Kernel.shutdown_request
stop = ipykernel.iostream.IOPubThread.stop

async def shutdown_request_then_wait(self, *args):
    await handler(self, *args)
    time.sleep(0.5)

def stop_noting_the_control_thread(self):
    running = any(thread.name == "Control" for thread in threading.enumerate())
    with open(os.path.join(os.environ["MARKS"], str(os.getpid())), "a") as marks:
        marks.write("control thread running\\n" if running else "control thread ended\\n")
    stop(self)

ipykernel.kernelbase.Kernel.shutdown_request = shutdown_request_then_wait
ipykernel.iostream.IOPubThread.stop = stop_noting_the_control_thread
"""
KERNELS = 3
REPLY_TIMEOUT = 60  # seconds to wait for a kernel; a wait, never a timing assertion


@pytest.fixture
def zygote(tmp_path):
    path = tmp_path / 'fork.sock'
    process = subprocess.Popen([sys.executable, str(ZYGOTE), '--fork-server', str(path),
                                '--preload', LATE_CONTROL_THREAD],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert 'ready' in process.stdout.readline()
        yield path
    finally:
        process.kill()
        process.wait()


def fork_kernel(server, connection_file, log, marks):
    """Asks the zygote for an ipykernel on `connection_file`; returns the request's connection,
    on which the zygote writes one line when that kernel has ended."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.connect(str(server))
    request = {'argv': ['-m', 'ipykernel_launcher', '-f', str(connection_file)],
               'cwd': str(log.parent), 'env': {**os.environ, 'MARKS': str(marks)},
               'log': str(log)}
    connection.sendall((json.dumps(request) + '\n').encode())
    lines = connection.makefile()
    assert 'pid' in json.loads(lines.readline())
    return connection, lines


def test_forked_kernels_stop_their_control_thread_before_their_iopub_thread(zygote, tmp_path):
    marks = tmp_path / 'marks'
    marks.mkdir()
    for k in range(KERNELS):
        connection_file, _ = write_connection_file(
            str(tmp_path / f'kernel-{k}.json'), transport='ipc', ip=str(tmp_path / f'ipc-{k}'))
        log = tmp_path / f'kernel-{k}.log'
        connection, lines = fork_kernel(zygote, connection_file, log, marks)
        client = BlockingKernelClient(connection_file=connection_file)
        client.load_connection_file()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=REPLY_TIMEOUT)
            reply = client.execute_interactive("print('hi')", timeout=REPLY_TIMEOUT)
            assert reply['content']['status'] == 'ok'
            client.shutdown()
            ended = json.loads(lines.readline())  # once the kernel process has ended
        finally:
            client.stop_channels()
            connection.close()
        assert ended == {'exit': 0, 'signal': 0}
        assert 'IOStream.flush timed out' not in log.read_text(), f'kernel {k}'
    noted = {mark.name: set(mark.read_text().splitlines()) for mark in marks.iterdir()}
    assert len(noted) == KERNELS
    assert all(lines == {'control thread ended'} for lines in noted.values()), noted
