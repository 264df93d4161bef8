"""The doctest settings of a Sphinx conf.py, read with `ast` and never executed.

Only literal assignments count (`doctest_global_setup = '''...'''`); doctest_default_flags may
also be `doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE` (names of doctest's flags joined by
`|`), as Sphinx projects write it. Anything else is a warning naming conf.py's line.
"""
import ast

SPHINX_CONF_KEYS = ("doctest_global_setup", "doctest_global_cleanup", "doctest_default_flags")


def _flag_names(node):
    """`doctest.A | doctest.B` (or bare names) as ["A", "B"]; None for anything else."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flag_names(node.left), _flag_names(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return [node.attr] if node.value.id == "doctest" else None
    if isinstance(node, ast.Name) and node.id.isupper():
        return [node.id]
    if isinstance(node, ast.Constant) and node.value == 0:
        return []
    return None


def read_sphinx_conf(text, filename):
    """{key: value} for the doctest keys conf.py sets, and a list of "conf.py:LINE: why"."""
    values, warnings = {}, []
    try:
        tree = ast.parse(text, filename)
    except SyntaxError as error:
        return values, [f"{filename}:{error.lineno}: not Python: {error.msg}"]
    for statement in tree.body:
        if not isinstance(statement, (ast.Assign, ast.AnnAssign)):
            continue
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        for target in targets:
            if not isinstance(target, ast.Name) or target.id not in SPHINX_CONF_KEYS:
                continue
            where = f"{filename}:{statement.lineno}"
            if target.id == "doctest_default_flags":
                names = _flag_names(statement.value)
                if names is None:
                    warnings.append(f"{where}: doctest_default_flags is not doctest flags "
                                    "joined by |: ignored")
                else:
                    values[target.id] = ", ".join("+" + name for name in names)
                continue
            try:
                value = ast.literal_eval(statement.value)
            except ValueError:
                warnings.append(f"{where}: {target.id} is not a literal: ignored "
                                "(conf.py is read, never run)")
                continue
            if isinstance(value, str):
                values[target.id] = value
            else:
                warnings.append(f"{where}: {target.id} is not a string: ignored")
    return values, warnings
