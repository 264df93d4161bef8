"""The Python side of docnb-kernel: xeus-python's IPython shell with docnb's fixes.

Loaded by the kernel's main before xeus-python builds its shell (instanciate_ipython_shell).
"""
import builtins
import getpass
import io
import os
import signal
import site
import sys

from IPython.core.error import StdinNotImplementedError

from xeus_python_shell.compiler import XCachingCompiler
from xeus_python_shell.display import XDisplayHook, XDisplayPublisher
from xeus_python_shell.shell import XPythonShell, XPythonShellApp


def _no_stdin(function):
    def refuse(*args, **kwargs):
        raise StdinNotImplementedError(
            f"{function} was called, but this frontend does not support input requests.")
    return refuse


class _InterruptGate:
    """Whether a SIGINT becomes a KeyboardInterrupt.

    closed: the kernel is idle or answering anything but a cell: the interrupt is dropped
    (jupyter_client sends one before every restart, and a thread a cell started may be the
    one the signal lands on). armed: an execute_request is being handled but its code has not
    started: the interrupt is kept for it. open: the cell's code runs: it is raised.
    """
    state = "closed"
    pending = False


# The SIGINT handler, set by the kernel when it loads this module: a C function that acts on the
# gate's state, so that a KeyboardInterrupt's traceback ends in the cell's code, as with
# Python's own handler, and not in a handler's frame.
_on_interrupt = None


def arm_interrupts():
    """Called by the kernel as it starts an execute_request; the handler is put back too, as
    ipykernel does before every cell (a cell may have replaced it)."""
    _InterruptGate.state, _InterruptGate.pending = "armed", False
    signal.signal(signal.SIGINT, _on_interrupt)


def close_interrupts():
    _InterruptGate.state, _InterruptGate.pending = "closed", False


class DocnbShell(XPythonShell):
    # Set by the kernel before each execute_request: whether the client answers input().
    allow_stdin = True
    # An error IPython reported on stderr alone (a UsageError from a bad magic), which the
    # execute_reply must still carry as ipykernel's does: (ename, evalue), or None.
    reply_error = None

    def run_cell(self, *args, **kwargs):
        self.reply_error = None
        saved = builtins.input, getpass.getpass
        if not self.allow_stdin:
            # Without stdin, input() and getpass() fail as on ipykernel, with its exception (an
            # IPython StdinNotImplementedError) rather than xeus-python's RuntimeError.
            builtins.input, getpass.getpass = _no_stdin("raw_input"), _no_stdin("getpass")
        _InterruptGate.state = "open"
        try:
            if _InterruptGate.pending:
                _InterruptGate.pending = False
                raise KeyboardInterrupt
            result = super().run_cell(*args, **kwargs)
        finally:
            _InterruptGate.state = "armed"
            builtins.input, getpass.getpass = saved
        error = result.error_before_exec or result.error_in_exec
        if error is not None and self.last_error is None:
            self.reply_error = (type(error).__name__, str(error))
        return result

    def _showtraceback(self, etype, evalue, stb):
        # The protocol's ename is the exception's class name, as ipykernel sends it; the base
        # class sends str(etype), "<class 'ZeroDivisionError'>".
        self.last_error = [etype.__name__, str(evalue), stb]

    @property
    def parent_header(self):
        # ipykernel's shell has one; code written for it passes it to kernel.session.send(),
        # which here publishes under the request xeus is answering whatever it is given.
        get_parent = getattr(self.kernel, "get_parent", None)
        return get_parent() if callable(get_parent) else {}

    def init_virtualenv(self):
        # The kernel's main has already put the environment's site-packages on sys.path, in
        # front of the system's; IPython's own attempt would only add a warning.
        pass


class DocnbShellApp(XPythonShellApp):
    def initialize(self, argv=None):
        # Never the kernel's own argv ("-f connection.json" is no IPython option, and IPython
        # prints "Unrecognized alias" for it). History stays in memory: parallel kernels must
        # not share one SQLite file.
        super().initialize(argv=["--HistoryManager.hist_file=:memory:"])

    def init_shell(self):
        # parent=self: the shell and its history manager see the configuration above.
        self.shell = DocnbShell.instance(
            parent=self,
            display_pub_class=XDisplayPublisher,
            displayhook_class=XDisplayHook,
            compiler_class=XCachingCompiler,
            user_ns=self.user_ns,
        )


class IopubSocket:
    """Stands for ipykernel's kernel.iopub_socket, which code written for ipykernel passes
    to kernel.session.send; xeus owns the real socket."""


class Session:
    """The part of ipykernel's kernel.session that notebooks use to publish on iopub
    (nbclient's update-display-id notebook does): send() goes through the shell's own
    publishers, so the message carries the right parent and reaches the client."""

    def __init__(self, shell):
        self.shell = shell

    def send(self, stream, msg_type, content=None, parent=None, **kwargs):
        content = content or {}
        if msg_type in ("display_data", "update_display_data"):
            self.shell.display_pub.publish(
                content.get("data", {}), content.get("metadata", {}),
                transient=content.get("transient", {}),
                update=msg_type == "update_display_data")
        elif msg_type == "execute_result":
            self.shell.displayhook.publish_execution_result_with_transient(
                content.get("execution_count"), content.get("data", {}),
                content.get("metadata", {}), content.get("transient", {}))
        elif msg_type == "stream":
            target = sys.stderr if content.get("name") == "stderr" else sys.stdout
            target.write(content.get("text", ""))
        elif msg_type == "clear_output":
            self.shell.display_pub.clear_output(content.get("wait", False))
        else:
            raise NotImplementedError(
                "docnb-kernel's session.send() publishes display_data, update_display_data, "
                "execute_result, stream and clear_output, not " + msg_type)


class Kernel:
    """xeus-python's kernel object (a C++ type that takes no new attributes) with the
    ipykernel attributes notebooks reach for; everything else is the original's."""

    def __init__(self, xkernel, shell):
        self.__dict__["_xkernel"] = xkernel
        self.__dict__["iopub_socket"] = IopubSocket()
        self.__dict__["session"] = Session(shell)

    def __getattr__(self, name):
        return getattr(self._xkernel, name)

    def __setattr__(self, name, value):
        setattr(self._xkernel, name, value)


class OutStream(io.TextIOBase):
    """sys.stdout and sys.stderr as ipykernel's are: a text stream (encoding, errors, isatty,
    fileno) around xeus-python's publishing stream, so code that asks a stream what it is
    (IPython's %timeit choosing '±', faulthandler wanting a file descriptor) works."""

    def __init__(self, target, name, fd):
        super().__init__()
        self._target = target
        self._name = name
        self._fd = fd

    encoding = "utf-8"
    errors = "strict"

    @property
    def name(self):
        return "<" + self._name + ">"

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        self._target.write(text)
        return len(text)

    def flush(self):
        self._target.flush()

    def isatty(self):
        return False

    def fileno(self):
        # The kernel's own descriptor: what C code writes there goes to the kernel's log, as
        # on ipykernel without output capture.
        return self._fd


def complete_kernel(shell):
    shell.kernel = Kernel(shell.kernel, shell)
    sys.stdout = OutStream(sys.stdout, "stdout", 1)
    sys.stderr = OutStream(sys.stderr, "stderr", 2)



def environment_site_packages(environment):
    """The site-packages folder of a virtual environment (or any prefix) for this Python."""
    version = "python{}.{}".format(*sys.version_info[:2])
    for candidate in (os.path.join(environment, "lib", version, "site-packages"),
                      os.path.join(environment, "lib", "python3", "dist-packages")):
        if os.path.isdir(candidate):
            return candidate
    return None


def put_environment_first(environment):
    """Puts `environment`'s site-packages (and its .pth entries) on sys.path before the
    system's and the user's site-packages, after the standard library. Returns the folder
    added, or raises ValueError when the environment has none."""
    packages = environment_site_packages(environment)
    if packages is None:
        raise ValueError("{} has no lib/python{}.{}/site-packages".format(
            environment, *sys.version_info[:2]))
    before = list(sys.path)
    site.addsitedir(packages)
    added = [entry for entry in sys.path if entry not in before]
    sys.path[:] = before
    system = set(site.getsitepackages())
    system.add(site.getusersitepackages())
    system.update(entry for entry in before if entry.endswith(("site-packages", "dist-packages")))
    at = next((i for i, entry in enumerate(before) if entry in system), len(before))
    sys.path[at:at] = added
    return packages
