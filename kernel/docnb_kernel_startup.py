"""Run by docnb-kernel before anything imports IPython: what makes the kernel start faster.

`import IPython` runs IPython/__init__.py, which imports IPython.terminal.embed for
`IPython.embed`, and with it prompt_toolkit and the terminal shell: over a third of IPython's
import time, for machinery a kernel never uses. That module is replaced by a stand-in that
imports the real one the first time anything in it is used.
"""
import importlib
import sys
import types

_EMBED = "IPython.terminal.embed"


def _real_embed_module():
    if sys.modules.get(_EMBED) is _stand_in:
        del sys.modules[_EMBED]
    return importlib.import_module(_EMBED)


def _getattr(name):
    # The import system probes dunders (__path__, __spec__) on every import: not a use.
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(_real_embed_module(), name)


def _embed(**kwargs):
    return _real_embed_module().embed(**kwargs)


_stand_in = types.ModuleType(_EMBED, "Stands for IPython.terminal.embed until first use.")
_stand_in.__getattr__ = _getattr
_stand_in.embed = _embed
sys.modules.setdefault(_EMBED, _stand_in)
