"""docnb's example ids and pytest's node ids, one to one.

A pytest node id is the path of the source, `::`, and the item's name. docnb names a notebook
cell `path::Cell N` and a docstring example `path::Class.method:N`: their names are the part
after `::`. A text source's example (Markdown, rst, a script) is `path:LINE` in docnb; its item
is named `lineLINE`, so that its node id reads `path::lineLINE`. No docstring or notebook name
has that form (theirs hold a `:N` or a space), so the mapping reverses without knowing the kind.
"""
import re

_LINE_NAME = re.compile(r"line(\d+)")


def item_name(source, example_id):
    """The pytest item name of the docnb example `example_id` of `source` (docnb's spelling of
    its path, as `docnb list --json` gives it in "file")."""
    if not example_id.startswith(source):
        raise ValueError(f"{example_id!r} is no example of {source!r}")
    rest = example_id[len(source):]
    if rest.startswith("::"):
        return rest[2:]
    if rest.startswith(":") and rest[1:].isdigit():
        return "line" + rest[1:]
    raise ValueError(f"{example_id!r} is not a docnb example id")


def example_id(source, name):
    """The docnb id of the item `name` of `source`: the inverse of item_name."""
    line = _LINE_NAME.fullmatch(name)
    return f"{source}:{line.group(1)}" if line else f"{source}::{name}"


def docnb_id_of_node(node_id):
    """docnb's id for a pytest node id `path::name` (paths as pytest writes them)."""
    path, _, name = node_id.partition("::")
    return example_id(path, name)
