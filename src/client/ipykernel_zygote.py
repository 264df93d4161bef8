"""docnb's zygote for ipykernel: a process that has imported ipykernel and IPython's heavy
modules once, then forks one kernel per request, each the kernel that
`python -m ipykernel_launcher -f CONNECTION_FILE ...` would have started.

docnb embeds this file and starts it with the kernelspec's own interpreter and interpreter
options:

    PYTHON [OPTIONS] ipykernel_zygote.py --fork-server SOCKET [--preload CODE]
                                         [--preload-modules MODULE,...]

It speaks the protocol of docnb-kernel's fork server (kernel/fork_server.hpp), so that one
client (src/client/fork_server.hpp) serves both: one connection per kernel on a Unix socket;
the client sends one JSON line {"argv": [...], "cwd": DIR, "env": {...}, "log": FILE}, where
argv is the kernel's command line without its interpreter ([OPTIONS..., "-m", MODULE, ARGS...]);
the server answers {"pid": N} (or {"error": "..."}) and, when that kernel ends,
{"exit": CODE, "signal": SIG}. A client that closes its connection takes its kernel with it;
every kernel dies with the zygote (PR_SET_PDEATHSIG) and the zygote with docnb.

Nothing imported here starts a thread or a ZeroMQ context: a fork copies only the thread that
calls it, and ipykernel creates its context and threads in the child, as in a plain start.
"""

import os
import sys

# Started as a script, Python put this file's folder (docnb's runtime folder) first on
# sys.path; `python -m` puts the kernel's working directory there, which each child does.
if not sys.flags.safe_path:
    del sys.path[0]

import argparse  # noqa: E402  (every module imported here, a plain kernel imports too)
import atexit  # noqa: E402
import ctypes  # noqa: E402
import gc  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import runpy  # noqa: E402
import selectors  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402
import traceback  # noqa: E402

# What a plain ipykernel start imports, measured: with these loaded, a fork is initialised in
# tens of milliseconds. matplotlib is not among them: a plain start does not import it, and
# matplotlib reads its configuration (matplotlibrc in the working directory, MPLBACKEND) once,
# at import.
IPYKERNEL_MODULES = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger",
    "debugpy", "IPython.core.interactiveshell", "IPython.core.completer",
    "IPython.core.completerlib", "jedi", "faulthandler",
)
PR_SET_PDEATHSIG = 1
REQUEST_TIMEOUT = 5.0  # the client writes its request as soon as it connects
PARENT_CHECK = 1.0  # seconds between checks that docnb is still there
CONTROL_THREAD_STOP = 5.0  # seconds for ipykernel's control thread to finish its last message


def warn(text):
    """A problem docnb shows its user: read from the zygote's log (client/fork_server.cpp)."""
    print("warning: " + text, file=sys.stderr, flush=True)


def preload(code, modules):
    """Imports what every kernel would import anyway, then what the run asks for. A user's
    module that fails to import is a warning: the kernels import it themselves, as without a
    zygote. Returns what the imports did to the environment (debugpy sets variables at
    import), which each kernel does again on top of its own."""
    before = dict(os.environ)
    for name in IPYKERNEL_MODULES:
        importlib.import_module(name)
    # What a kernel finds out about the machine once and keeps, found out here once for all of
    # them: jupyter_client runs `ip` (or `ifconfig`) for the local addresses the first time a
    # kernel asks for localhost, a subprocess forked from every kernel otherwise.
    importlib.import_module("jupyter_client.localinterfaces").localhost()
    # As the kernel itself sets it before any cell runs (ipykernel's init_gui_pylab), so that
    # a preloaded matplotlib picks the inline backend as it would in the kernel.
    inline = not os.environ.get("MPLBACKEND")
    if inline:
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    for name in filter(None, (name.strip() for name in modules.split(","))):
        try:
            importlib.import_module(name)
        except BaseException as error:  # noqa: B036 (a module may raise anything, even exit)
            warn(f"cannot preload {name}: {type(error).__name__}: {error}")
    if code:
        try:
            exec(compile(code, "<preload>", "exec"), {"__name__": "__preload__"})
        except BaseException as error:  # noqa: B036
            warn(f"the preload code failed: {type(error).__name__}: {error}")
    threads = len(os.listdir("/proc/self/task"))
    if threads > 1:
        warn(f"a preloaded module started {threads - 1} thread(s); forked kernels get none of "
             "them and may hang on their locks")
    if inline:
        del os.environ["MPLBACKEND"]  # the kernel sets it itself, unless a cell did before
    return ({key: value for key, value in os.environ.items() if before.get(key) != value},
            [key for key in before if key not in os.environ])


def send_line(connection, message):
    try:
        connection.sendall((json.dumps(message) + "\n").encode())
    except OSError:
        pass  # the client went away: nothing to tell it


def read_request(connection):
    """The request line of a fresh connection, parsed; None when it is not one."""
    connection.settimeout(REQUEST_TIMEOUT)
    data = b""
    try:
        while not data.endswith(b"\n"):
            chunk = connection.recv(65536)
            if not chunk:
                return None
            data += chunk
        request = json.loads(data)
    except (OSError, ValueError):
        return None
    finally:
        connection.settimeout(None)
    valid = (isinstance(request, dict)
             and isinstance(request.get("argv"), list)
             and all(isinstance(arg, str) for arg in request["argv"])
             and isinstance(request.get("env", {}), dict)
             and all(isinstance(v, str) for v in request.get("env", {}).values()))
    return request if valid else None


class Server:
    """The zygote's loop: accepts requests, forks, reports exits."""

    def __init__(self, listening):
        self.listening = listening
        self.selector = selectors.DefaultSelector()
        self.selector.register(listening, selectors.EVENT_READ, ("accept", 0))
        self.kernels = {}  # pid -> [connection or None, pidfd]
        self.parent = os.getppid()

    def serve(self):
        """Serves until docnb goes away. Returns only in a forked child: its request."""
        while os.getppid() == self.parent:
            for key, _ in self.selector.select(PARENT_CHECK):
                kind, pid = key.data
                if kind == "accept":
                    request = self.accept()
                    if request is not None:
                        return request
                elif kind == "exit":
                    self.reap(pid)
                else:  # anything from a client after its request is its end: so is its kernel's
                    self.abandon(pid)
        sys.stderr.flush()
        os._exit(0)  # the kernels follow (PR_SET_PDEATHSIG)

    def accept(self):
        connection, _ = self.listening.accept()
        request = read_request(connection)
        if request is None or "-m" not in request["argv"][:-1]:
            send_line(connection, {"error": "not a request for `python ... -m MODULE ...`"})
            connection.close()
            return None
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            self.close_all()
            connection.close()
            return request
        try:
            os.setpgid(pid, pid)  # from both sides: a signal sent at once reaches the group
        except OSError:
            pass
        send_line(connection, {"pid": pid})
        pidfd = os.pidfd_open(pid)
        self.kernels[pid] = [connection, pidfd]
        self.selector.register(pidfd, selectors.EVENT_READ, ("exit", pid))
        self.selector.register(connection, selectors.EVENT_READ, ("client", pid))
        return None

    def reap(self, pid):
        connection, pidfd = self.kernels.pop(pid)
        _, status = os.waitpid(pid, 0)
        self.selector.unregister(pidfd)
        os.close(pidfd)
        if connection is not None:
            send_line(connection, {
                "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else 0,
                "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0})
            self.selector.unregister(connection)
            connection.close()

    def abandon(self, pid):
        for target in (lambda: os.killpg(pid, signal.SIGKILL),
                       lambda: os.kill(pid, signal.SIGKILL)):
            try:
                target()
            except OSError:
                pass
        connection = self.kernels[pid][0]
        self.selector.unregister(connection)
        connection.close()
        self.kernels[pid][0] = None  # reaped all the same when it exits

    def close_all(self):
        """In a child: nothing of the server's stays open in a kernel."""
        for connection, pidfd in self.kernels.values():
            if connection is not None:
                connection.close()
            os.close(pidfd)
        self.selector.close()
        self.listening.close()


def die_with_parent(zygote):
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != zygote:  # it died before prctl took effect
        os._exit(1)


def take_output(log):
    """stdout and stderr to the kernel's log, stdin from /dev/null, as a plain start has them."""
    out = os.open(log or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(out, 1)
    os.dup2(out, 2)
    os.dup2(null, 0)
    os.close(out)
    os.close(null)


def randomise_again():
    """State a plain start seeds from the OS at import is seeded again, or every kernel forked
    from this zygote would draw the same numbers. (Python's `random` also reseeds itself after
    a fork; the hash seed is fixed for the life of an interpreter and stays the zygote's.)"""
    random.seed()
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None:
        numpy_random.seed()
    process = sys.modules.get("multiprocessing.process")
    if process is not None:
        process.current_process().authkey = os.urandom(32)


def become_kernel(request, zygote, imported):
    """In the forked child: the process `python [OPTIONS] -m MODULE ARGS...` would be, in the
    request's folder and environment (and what the preloaded imports did to it: `imported`,
    from preload()); runs the kernel and returns when it ends."""
    os.setpgid(0, 0)
    die_with_parent(zygote)
    take_output(request.get("log"))
    cwd = request.get("cwd") or os.getcwd()
    try:
        os.chdir(cwd)
    except OSError as error:
        print(f"docnb zygote: cannot enter {cwd}: {error}", file=sys.stderr, flush=True)
        os._exit(126)
    os.environ.clear()
    os.environ.update(request.get("env", {}))
    os.environ.update(imported[0])
    for key in imported[1]:
        os.environ.pop(key, None)
    randomise_again()
    argv = request["argv"]
    at = argv.index("-m")
    module, arguments = argv[at + 1], argv[at + 2:]
    sys.orig_argv = [sys.orig_argv[0], *argv]
    if not sys.flags.safe_path:
        sys.path.insert(0, os.getcwd())
    sys.argv = [sys.argv[0], *arguments]  # runpy puts the module's file first, as -m does
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exit:
        code = exit_code(exit)
    except BaseException:  # noqa: B036 (reported as the interpreter would, then exit 1)
        traceback.print_exc()
        code = 1
    stop_control_thread()
    end_kernel(code)


def exit_code(exit):
    """The status an interpreter leaving by `exit` ends with; it prints a message code."""
    if exit.code is None or isinstance(exit.code, int):
        return exit.code or 0
    print(exit.code, file=sys.stderr)
    return 1


def stop_control_thread():
    """Stops ipykernel's control thread while its iopub thread still runs. Done with a
    shutdown_request, the control thread flushes stdout and stderr through the iopub thread; at
    exit, IPKernelApp.close() (an atexit function) stops the iopub thread first and then joins
    the control thread, which, when its flush came too late, waits for it until its 10 s
    timeout: docnb SIGTERMs the kernel first, and the atexit functions after close() never run.
    Stopped first, the control thread finishes its flush and ends, and close() finds nothing to
    wait for."""
    kernelapp = sys.modules.get("ipykernel.kernelapp")
    if kernelapp is None or not kernelapp.IPKernelApp.initialized():
        return
    thread = getattr(kernelapp.IPKernelApp.instance(), "control_thread", None)
    if thread is not None and thread.is_alive():
        thread.stop()
        thread.join(CONTROL_THREAD_STOP)


def end_kernel(code):
    """Ends the kernel as an interpreter exit would, up to tearing down every module: what a
    program can see of an exit is kept (non-daemon threads are waited for, atexit handlers run,
    IPython's among them, which clears the user's namespace; cycles are collected; output is
    flushed), then the process ends as multiprocessing's forked children do. Tearing down the
    modules the zygote imported would write to every page the child shares with the zygote
    (reference counts): hundreds of milliseconds of CPU per kernel, for nothing anyone sees."""
    threading._shutdown()
    atexit._run_exitfuncs()
    gc.collect()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(code)


def listen(path):
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    before = os.umask(0o077)  # the socket is docnb's alone, as its connection files are
    try:
        listening.bind(path)
    finally:
        os.umask(before)
    listening.listen(64)
    return listening


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fork-server", required=True, metavar="SOCKET")
    parser.add_argument("--preload", default="", metavar="CODE")
    parser.add_argument("--preload-modules", default="", metavar="MODULE,...")
    options = parser.parse_args()
    try:
        imported = preload(options.preload, options.preload_modules)
    except BaseException:  # noqa: B036 (ipykernel itself cannot be imported: no zygote)
        traceback.print_exc()
        sys.exit(1)
    # CPython's recipe for fork servers: what the zygote holds goes to the collector's permanent
    # generation, so that a kernel's full collections (IPython runs one at exit) neither walk
    # it nor copy the pages it shares with the zygote.
    gc.freeze()
    listening = listen(options.fork_server)
    print(f"docnb zygote: ready on {options.fork_server}", flush=True)
    zygote = os.getpid()
    request = Server(listening).serve()
    become_kernel(request, zygote, imported)


if __name__ == "__main__":
    main()
