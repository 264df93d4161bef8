"""The hooks: options, collection from docnb's listing, and scheduling for pytest-xdist."""
import os
import shlex

import pytest

from pytest_docnb.client import Docnb, DocnbUnavailable
from pytest_docnb.items import STATE, DocnbFile, State


def pytest_addoption(parser):
    group = parser.getgroup("docnb", "docnb: run the examples of notebooks, pages, docstrings")
    group.addoption("--docnb", action="store_true",
                    help="collect every example docnb finds under the paths, and run them "
                         "with docnb")
    group.addoption("--docnb-opt", action="append", default=[], metavar="OPTIONS",
                    help="options for `docnb run`, split as a shell splits them "
                         "(repeatable), e.g. --docnb-opt='--timeout 60'")
    group.addoption("--docnb-bin", default="docnb", metavar="PATH",
                    help="the docnb binary (default: docnb, found on PATH)")


def source_paths(args, cwd):
    """pytest's arguments as docnb paths: selections (`::name`) dropped, and relative to the
    invocation folder when under it, so that ids read as `docnb run` there prints them."""
    paths = []
    for arg in args:
        absolute = os.path.normpath(os.path.join(cwd, arg.split("::", 1)[0]))
        relative = os.path.relpath(absolute, cwd)
        path = absolute if relative == ".." or relative.startswith("../") else relative
        if path not in paths:
            paths.append(path)
    return paths


def explicit_dist(config):
    """Whether the user chose pytest-xdist's --dist (not the `load` that -n implies)."""
    args = [*config.invocation_params.args, *config.getini("addopts"),
            *shlex.split(os.environ.get("PYTEST_ADDOPTS", ""))]
    return any(arg == "--dist" or arg.startswith("--dist=") for arg in args)


def pytest_configure(config):
    if not config.getoption("docnb"):
        return
    cwd = config.invocation_params.dir
    binary = config.getoption("docnb_bin")
    if os.sep in binary:
        binary = os.path.join(cwd, binary)
    options = [arg for value in config.getoption("docnb_opt") for arg in shlex.split(value)]
    docnb = Docnb(binary, options, cwd)
    try:
        listing = docnb.list(source_paths(config.args, cwd))
    except DocnbUnavailable as error:
        raise pytest.UsageError(str(error)) from None
    worker = hasattr(config, "workerinput")
    config.stash[STATE] = State(docnb, listing, worker)
    # The examples of one source run in one kernel: with -n, pytest-xdist sends a file's
    # items to one worker (--dist loadfile) unless --dist says otherwise.
    if not worker and getattr(config.option, "dist", "no") == "load" and not explicit_dist(config):
        config.option.dist = "loadfile"


def pytest_collect_file(file_path, parent):
    state = parent.config.stash.get(STATE, None)
    if state is None:
        return None
    key = str(file_path)
    if key in state.listing.examples or key in state.listing.errors:
        return DocnbFile.from_parent(parent, path=file_path)
    return None


def pytest_terminal_summary(terminalreporter, config):
    state = config.stash.get(STATE, None)
    if state is None or not state.warnings:
        return
    terminalreporter.write_sep("-", "docnb warnings")
    for text in state.warnings:
        terminalreporter.write(text if text.endswith("\n") else text + "\n")
