# Reading a module's docstrings, in xdoctest's order and with the source line of every value
# line: from its source with `ast` and `tokenize` (extract), or by importing a compiled module
# (compiled_docstrings). docnb's embedded interpreter runs it (converters/python_runtime.cpp);
# it mirrors xdoctest 1.1.1's static_analysis.py where docnb must agree with it.
import ast
import importlib
import io
import re
import string
import sys
import tokenize
import types


class SourceError(Exception):
    """A file that cannot be read as Python: (message, line), the line None when unknown."""


def _decode(data):
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding), encoding
    except (SyntaxError, LookupError, UnicodeDecodeError) as ex:
        line = 1
        if isinstance(ex, UnicodeDecodeError):
            line = data[:ex.start].count(b'\n') + 1
        raise SourceError('cannot decode: %s' % ex, line)


def _value_lines(token_text, first_line):
    """For one STRING token: the source line of each line of its value."""
    m = re.match(r'([A-Za-z]*)(\'\'\'|"""|\'|")', token_text)
    prefix, quote = m.group(1), m.group(2)
    body = token_text[len(prefix) + len(quote):len(token_text) - len(quote)]
    chunks = body.split('\n')
    if 'r' in prefix.lower() or '\\' not in body:
        return [first_line + i for i in range(len(chunks))]
    # Escapes cannot span a physical line except a backslash-newline, so each physical line
    # evaluates alone; '\n' escapes add value lines that stay on the same source line.
    wrap = quote[0] * 3
    lines = [first_line]
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        if '\\' in chunk:
            text = chunk if last else chunk + '\n'
            n = ast.literal_eval(prefix + wrap + text + (' ' if last else '') + wrap).count('\n')
        else:
            n = 0 if last else 1
        if n == 0:
            continue
        real_newline = not last and not chunk.endswith('\\')
        lines.extend([first_line + i] * (n - 1))
        lines.append(first_line + i + 1 if real_newline else first_line + i)
    return lines


def _fstring_lines(node):
    # An f-string's fields are only known at run time: they stay as written, `{expr}`.
    value = ''.join(part.value if isinstance(part, ast.Constant)
                    else '{' + ast.unparse(part.value) + '}' for part in node.values)
    count = value.count('\n') + 1
    if node.end_lineno - node.lineno + 1 == count:
        return value, list(range(node.lineno, node.end_lineno + 1))
    return value, [node.lineno] * count


def _literal_lines(node, source_lines):
    """Value and per-value-line source lines of a str Constant (implicit concatenation too)."""
    if isinstance(node, ast.JoinedStr):
        return _fstring_lines(node)
    first, last = node.lineno, node.end_lineno
    seg_lines = source_lines[first - 1:last]
    seg_lines[-1] = seg_lines[-1][:node.end_col_offset]
    seg_lines[0] = seg_lines[0][node.col_offset:]
    text = '\n'.join(seg_lines)
    lines = None
    readline = io.StringIO(text).readline
    for tok in tokenize.generate_tokens(readline):
        if tok.type != tokenize.STRING:
            continue
        tok_lines = _value_lines(tok.string, first + tok.start[0] - 1)
        lines = tok_lines if lines is None else lines + tok_lines[1:]
    if lines is None or len(lines) != node.value.count('\n') + 1:
        # Should not happen; keep xdoctest's own assumption (value lines = source lines).
        return node.value, [first + i for i in range(node.value.count('\n') + 1)]
    return node.value, lines


def _literal_form(pieces, source_lines):
    """How a docstring is written, for writing wants back into it: ('plain' or 'raw', the
    quote, the line of its closing quote) for a single string token; ('other', '', 0) for an
    f-string, a formatted or concatenated value, or anything else."""
    if len(pieces) != 1 or pieces[0][1] or not isinstance(pieces[0][0], ast.Constant):
        return ('other', '', 0)
    literal = pieces[0][0]
    first, last = literal.lineno, literal.end_lineno
    seg_lines = source_lines[first - 1:last]
    seg_lines[-1] = seg_lines[-1][:literal.end_col_offset]
    seg_lines[0] = seg_lines[0][literal.col_offset:]
    tokens = [tok for tok in tokenize.generate_tokens(io.StringIO('\n'.join(seg_lines)).readline)
              if tok.type == tokenize.STRING]
    if len(tokens) != 1:
        return ('other', '', 0)
    m = re.match(r'([A-Za-z]*)(\'\'\'|"""|\'|")', tokens[0].string)
    prefix = m.group(1).lower()
    if 'b' in prefix or 'f' in prefix:
        return ('other', '', 0)
    return ('raw' if 'r' in prefix else 'plain', m.group(2), last)


class _Missing(dict):
    def __missing__(self, key):
        return '{' + key + '}'


def _apply_format(text):
    # `.format(**common_args)`: the arguments are only known at run time; named fields stay
    # as written and `{{`/`}}` become braces, so the line count never changes.
    try:
        out = string.Formatter().vformat(text, (), _Missing())
    except (IndexError, KeyError, ValueError, AttributeError, TypeError):
        return text
    return out if out.count('\n') == text.count('\n') else text


def _docstring_node(node):
    if node.body and isinstance(node.body[0], ast.Expr):
        value = node.body[0].value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value
    return None


def _is_main_guard(node):
    test = node.test
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
            and test.left.id == '__name__' and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Eq)
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == '__main__')


def _callee_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _target_name(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call)
            and _callee_name(node.value.func) == 'globals'
            and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
        return node.slice.value
    if isinstance(node, (ast.Name, ast.Attribute)):
        return ast.unparse(node)
    return None


def _attached_pieces(node):
    """The pieces of an attached docstring: [(str Constant, formatted)] for a literal,
    `literal.format(...)`, or `+` of those; None for anything computed otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node, False)]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == 'format' and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)):
        return [(node.func.value, True)]
    if isinstance(node, ast.JoinedStr):
        return [(node, False)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _attached_pieces(node.left), _attached_pieces(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def extract(data, attach_calls):
    """The file's encoding and its docstrings in xdoctest's order:
    (encoding, [(callname, text, lines, attached, (form, quote, closing line))]).

    Names follow xdoctest's static analysis: '__doc__', top-level functions and classes,
    'Class.method'; setters and deleters are skipped; a later definition of a name replaces
    the earlier one in its place; `if __name__ == "__main__":` is not entered. docnb adds
    async functions, nested definitions ('outer.inner') and attach calls.
    """
    text, encoding = _decode(data)
    try:
        tree = ast.parse(text)
    except SyntaxError as ex:
        raise SourceError('syntax error: %s' % ex.msg, ex.lineno or 1)
    except (RecursionError, MemoryError):
        # CPython's parser gives up on deep nesting without saying where; so does `python3 FILE`.
        raise SourceError('nested too deeply for Python\'s parser', None)
    source_lines = text.split('\n')
    found = {}
    attach = set(attach_calls)

    def add(callname, pieces, attached):
        value, lines = '', None
        for literal, formatted in pieces:
            piece, piece_lines = _literal_lines(literal, source_lines)
            if formatted:
                piece = _apply_format(piece)
            value += piece
            # A piece continues the value line the previous piece ended on.
            lines = piece_lines if lines is None else lines + piece_lines[1:]
        found[callname] = (callname, value, lines, attached,
                           _literal_form(pieces, source_lines))

    def define(callname, node):
        # A later definition of a name replaces the earlier one, docstring or not.
        doc = _docstring_node(node)
        if doc is not None:
            add(callname, [(doc, False)], False)
        else:
            found[callname] = None

    def visit_body(body, prefix):
        for node in body:
            visit(node, prefix)

    # Only statements are walked for definitions: expressions cannot hold a def or a class.
    def visit(node, prefix):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decor in node.decorator_list:
                if isinstance(decor, ast.Attribute) and decor.attr in ('setter', 'deleter'):
                    return
            define(prefix + node.name, node)
            visit_body(node.body, prefix + node.name + '.')
        elif isinstance(node, ast.ClassDef):
            define(prefix + node.name, node)
            visit_body(node.body, prefix + node.name + '.')
        elif isinstance(node, ast.If) and _is_main_guard(node):
            return
        else:
            for field in ('body', 'orelse', 'finalbody'):
                visit_body(getattr(node, field, None) or [], prefix)
            for handler in getattr(node, 'handlers', None) or []:
                visit_body(handler.body, prefix)
            for match_case in getattr(node, 'cases', None) or []:
                visit_body(match_case.body, prefix)

    def visit_attach(call):
        if len(call.args) < 2:
            return
        target = _target_name(call.args[0])
        pieces = _attached_pieces(call.args[1])
        if target is None or pieces is None:
            return
        add(target, pieces, True)

    doc = _docstring_node(tree)
    if doc is not None and doc.value:
        add('__doc__', [(doc, False)], False)
    visit_body(tree.body, '')
    # Attach calls may sit in any expression; the whole tree is walked only in files that
    # mention one of the names.
    if any(name + '(' in text for name in attach):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _callee_name(node.func) in attach:
                visit_attach(node)
    return encoding, [record for record in found.values() if record is not None]


def compiled_docstrings(name, import_root):
    """The docstrings of a compiled extension module, found as xdoctest's dynamic analysis
    finds them (there is no source to parse): the module is imported and what it defines is
    walked, functions, classes and their methods, in its namespace's order. Records as
    extract's; the lines are the docstring's own, 1-based, since the file has none."""
    added = import_root not in sys.path
    if added:
        sys.path.insert(0, import_root)
    try:
        # The packages above it first, top down: importing the dotted name alone hands back a
        # module that is already in sys.modules even while another thread is still running its
        # package's __init__, where packages set docstrings on what they compiled (torch's
        # _torch_docs does for torch._C). A package being initialised is waited for.
        parts = name.split('.')
        for depth in range(1, len(parts)):
            importlib.import_module('.'.join(parts[:depth]))
        module = importlib.import_module(name)
    except BaseException as ex:  # a failing import must not take docnb with it
        raise SourceError('cannot import compiled module %s: %s: %s'
                          % (name, type(ex).__name__, ex), 1)
    finally:
        if added and import_root in sys.path:
            sys.path.remove(import_root)
    function_types = (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                      classmethod, staticmethod, property)

    def unwrapped(item):
        if isinstance(item, property):
            return item.fget
        if isinstance(item, (staticmethod, classmethod)):
            return item.__func__
        return item

    def defined_here(item):
        item = unwrapped(item)
        parent = getattr(item, '__objclass__', None)
        module_globals = getattr(item, '__globals__', None)
        return (getattr(item, '__module__', None) == name
                or getattr(parent, '__module__', None) == name
                or (isinstance(module_globals, dict) and module_globals.get('__name__') == name))

    found = {}

    def add(callname, doc):
        if isinstance(doc, str) and doc:
            found[callname] = (callname, doc, list(range(1, doc.count('\n') + 2)), False,
                               ('other', '', 0))

    add('__doc__', getattr(module, '__doc__', None))
    for key, value in list(vars(module).items()):
        if isinstance(value, function_types):
            if defined_here(value):
                add(key, getattr(value, '__doc__', None))
        elif isinstance(value, type):
            if not defined_here(value):
                continue
            add(key, value.__doc__)
            for subkey, subvalue in list(vars(value).items()):
                if isinstance(subvalue, function_types) and defined_here(subvalue):
                    add(key + '.' + subkey, getattr(unwrapped(subvalue), '__doc__', None))
    return list(found.values())
