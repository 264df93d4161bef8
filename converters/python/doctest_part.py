"""Runs one doctest part as the Python REPL, and so stdlib doctest, runs an example.

docnb sends a doctest part (a docstring's `>>>` part, a page's `>>>` session) to the kernel as
a call of `run` with the part's source, rather than as the cell itself, so that IPython's
displayhook, formatters, syntax and names take no part in it:
- the part is compiled by Python, with the file and line it comes from, in the mode given:
  "single" as the REPL (every expression statement echoed, in a loop's body too), or
  xdoctest's "exec" / "eval" for a docstring part;
- values go through `sys.displayhook` (the interpreter's own unless the example set another,
  as sympy's `init_printing` does), which writes their repr to stdout;
- the namespace is a plain dict: a docstring example's (its module's globals and global_exec,
  from `start_example`), or a page's (the kernel's, with IPython's own names hidden);
- an exception is published, before it propagates, in the form doctest compares:
  `traceback.format_exception_only`'s last line, module-qualified.

Installed by executing this file in a dict whose __name__ is MODULE: it then puts itself in
sys.modules, where a setup cell clearing the user namespace cannot reach it.
"""
import ast
import builtins
import sys
import traceback

MODULE = '__docnb_doctest'
# The mime type of the display_data that carries a part's exception as doctest shows it.
EXCEPTION_MIME = 'application/vnd.docnb.doctest+json'
# Names IPython puts in builtins while a cell runs; the plain REPL has neither.
IPYTHON_BUILTINS = ('get_ipython', 'display')
# Names IPython keeps in the user namespace (its user_ns_hidden, less the `_iN` of every cell
# run so far: going through those would make each part slower than the last).
IPYTHON_NAMES = ('In', 'Out', 'get_ipython', 'exit', 'quit', '_ih', '_oh', '_dh', '_', '__',
                 '___', '_i', '_ii', '_iii')

# id(namespace) -> the sys.displayhook its examples run with (one an example installed stays,
# as under doctest, for the rest of its namespace's examples).
_hooks = {}
_example = {'namespace': None}


class ShownValue:
    """A docstring part's value in "eval" mode: the kernel shows its repr() alone, text only."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def start_example(namespace):
    """Makes `namespace` the one docstring parts run in (run's namespace None)."""
    _hooks.pop(id(_example['namespace']), None)
    _example['namespace'] = namespace
    _hooks[id(namespace)] = sys.__displayhook__


def _hide_ipython_names(namespace):
    """Takes IPython's names out of builtins and of `namespace`; what was taken, by place."""
    taken = {'builtins': {}, 'namespace': {}}
    for name in IPYTHON_BUILTINS:
        if name in builtins.__dict__:
            taken['builtins'][name] = builtins.__dict__.pop(name)
    get_ipython = taken['builtins'].get('get_ipython')
    shell = get_ipython() if get_ipython is not None else None
    if shell is not None and namespace is shell.user_ns:
        for name in IPYTHON_NAMES:
            if name in namespace:
                taken['namespace'][name] = namespace.pop(name)
    return taken


def _restore_ipython_names(namespace, taken):
    """Puts back what _hide_ipython_names took, except names the part bound itself."""
    for name, value in taken['builtins'].items():
        builtins.__dict__.setdefault(name, value)
    for name, value in taken['namespace'].items():
        namespace.setdefault(name, value)


def _execute(namespace, source, mode, filename, line):
    # Blank lines in front, so that tracebacks and SyntaxErrors give the line in the file.
    padded = '\n' * max(line - 1, 0) + source
    if mode == 'eval':
        return eval(compile(padded, filename, 'eval', dont_inherit=True), namespace)
    if mode != 'single':
        exec(compile(padded, filename, 'exec', dont_inherit=True), namespace)
        return None
    # One statement at a time, as the REPL reads them: `1; 2` shows both values.
    tree = compile(padded, filename, 'exec', ast.PyCF_ONLY_AST, dont_inherit=True)
    for statement in tree.body:
        exec(compile(ast.Interactive([statement]), filename, 'single', dont_inherit=True),
             namespace)
    return None


def exception_form(error):
    """The exception as doctest compares it: format_exception_only's last line."""
    return traceback.format_exception_only(type(error), error)[-1]


def _publish_exception(error):
    try:
        from IPython.display import publish_display_data
    except ImportError:
        return
    publish_display_data({EXCEPTION_MIME: {'exception': exception_form(error)}}, metadata={})


def _hide_the_call(frame):
    """Marks the frame that called run (the cell: docnb's call, not the example's code) for
    IPython to leave out of the traceback it shows; the mark goes as soon as the cell ends."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or frame.f_locals is not frame.f_globals:
        return
    namespace = frame.f_globals
    namespace['__tracebackhide__'] = True

    def unmark(result=None):
        namespace.pop('__tracebackhide__', None)
        shell.events.unregister('post_run_cell', unmark)
    shell.events.register('post_run_cell', unmark)


def _without_own_frames(trace):
    while trace is not None and trace.tb_frame.f_globals is globals():
        trace = trace.tb_next
    return trace


def run(namespace, source, mode, filename, line):
    """Runs `source` (lines from `line` of `filename`) in `namespace` (None: the docstring
    example's) compiled in `mode`. Returns an "eval" part's value as a ShownValue, else None."""
    __tracebackhide__ = True  # IPython leaves this frame out of tracebacks
    if namespace is None:
        namespace = _example['namespace']
        if namespace is None:
            raise RuntimeError('no docstring example namespace: its setup cell did not run')
    taken = _hide_ipython_names(namespace)
    shown_by = sys.displayhook
    sys.displayhook = _hooks.get(id(namespace), sys.__displayhook__)
    try:
        value = _execute(namespace, source, mode, filename, line)
        return None if value is None else ShownValue(repr(value))
    except KeyboardInterrupt:
        raise
    except BaseException as error:
        _publish_exception(error)
        _hide_the_call(sys._getframe(1))
        raise error.with_traceback(_without_own_frames(error.__traceback__))
    finally:
        _hooks[id(namespace)] = sys.displayhook
        sys.displayhook = shown_by
        _restore_ipython_names(namespace, taken)


def _install():
    import types
    module = types.ModuleType(MODULE)
    module.__dict__.update(globals())
    sys.modules[MODULE] = module


if __name__ == MODULE:
    _install()
