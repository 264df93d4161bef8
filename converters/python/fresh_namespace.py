# The first cell of every docstring example (converters/docstring_notebook.cpp): the example
# starts in its module's globals plus global_exec, as under xdoctest. Its parts run in a plain
# dict given to the doctest runner (doctest_part.py) when docnb installed it; the shell's own
# namespace gets the same names, for the notebook run as it is, where values show as repr().
# It runs in the namespace it clears, so it imports nothing at the top level.


def __docnb_fresh_namespace(shell, module_name, import_root, global_exec):
    import importlib
    import sys
    shell.display_formatter.formatters['text/plain'].pprint = False
    if import_root not in sys.path:
        sys.path.insert(0, import_root)
    module = importlib.import_module(module_name)
    example = dict(vars(module))
    exec(compile(global_exec, '<global_exec>', 'exec'), example)
    runner = sys.modules.get('__docnb_doctest')
    if runner is not None:
        runner.start_example(example)
    namespace = shell.user_ns
    kept = {k: namespace[k] for k in shell.user_ns_hidden if k in namespace}
    namespace.clear()
    namespace.update(kept)
    namespace.update(example)
