# Where a module named on the command line lives. docnb's embedded interpreter runs it
# (converters/python_runtime.cpp).
import importlib.machinery
import os
import sys


def module_path(name):
    """Where a module or package lives, found by the import system's own path finder without
    importing anything (as xdoctest's modname_to_modpath does not import either): a package's
    folder or a module's .py file; None if not found or not a source file."""
    locations = [os.getcwd()] + sys.path
    spec = None
    for part in name.split('.'):
        # Each part is looked up as a top-level name in its parent's folders: under its dotted
        # name, a namespace package below the top level asks sys.modules for its parent, which
        # is not imported.
        spec = importlib.machinery.PathFinder.find_spec(part, locations)
        if spec is None:
            return None
        locations = list(spec.submodule_search_locations or [])
    if spec.submodule_search_locations is not None:
        if spec.origin and spec.origin.endswith('__init__.py'):
            return os.path.dirname(spec.origin)
        # A namespace package: its first folder.
        return next(iter(spec.submodule_search_locations), None)
    if spec.origin and spec.origin.endswith('.py'):
        return spec.origin
    return None
