"""pytest --docnb: docnb's examples (notebook cells, Markdown and rst examples, docstring
examples, script cells) as pytest items.

docnb decides what an example is and runs them; this plugin only asks it. The items are
listed by `docnb run --list-json` (with every `--docnb-opt`, which checks them) and run by
`docnb run --json`, a whole source at a time, since the cells of a notebook or page share one
kernel. Loaded through the `pytest11` entry point of the installed package, or with
`-p pytest_docnb` and this folder's parent on PYTHONPATH.
"""
from pytest_docnb.plugin import (pytest_addoption, pytest_collect_file, pytest_configure,
                                 pytest_terminal_summary)

__all__ = ["pytest_addoption", "pytest_collect_file", "pytest_configure",
           "pytest_terminal_summary"]
