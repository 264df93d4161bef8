# Splitting a doctest's prompt lines into statements as xdoctest 1.1.1's parser.py does, with
# CPython's own `tokenize` and `ast`. docnb's embedded interpreter runs it
# (converters/python_runtime.cpp).
import ast
import re
import tokenize


def _nonempty_tokens(lines):
    iterable = (line for line in lines if line)
    return tokenize.generate_tokens(lambda: next(iterable))


def is_balanced(lines):
    """xdoctest's is_balanced_statement(only_tokens=True): brackets and quotes closed."""
    try:
        for _ in _nonempty_tokens(lines):
            pass
    except tokenize.TokenError as ex:
        if ex.args[0].startswith('EOF in multi-line'):
            return False
        raise SyntaxError(ex.args[0])
    except IndentationError as ex:
        if ex.args[0].startswith('unindent does not match any outer indentation'):
            return False
        raise
    return True


def _balanced_intervals(lines):
    intervals = []
    a, b = len(lines) - 1, len(lines)
    while b > 0:
        while a >= 0 and not is_balanced(lines[a:b]):
            a -= 1
        if a < 0:
            raise SyntaxError('ill-formed doctest: cannot find balanced ps1 lines.')
        intervals.append((a, b))
        b = a
        a = a - 1
    return intervals[::-1]


def _hasprefix(line, prefixes):
    return any(line == p or line.startswith(p + ' ') for p in prefixes)


def statement_starts(source_lines):
    """Where statements start in a chunk of prompt lines, and how its last one compiles.

    The chunk is parsed with `ast` (a comment that starts a balanced interval becomes a
    placeholder statement so it counts as a start, as xdoctest does); starts on lines without
    a '>>> ' prompt are dropped. The mode is 'eval' when the last statement is an expression,
    'single' when a lone '>>>' line is followed only by '...' lines or a ';' is present.
    """
    exec_lines = [p[4:] for p in source_lines]
    starts_of = {a for a, _ in _balanced_intervals(exec_lines)}
    hacked = ['_._ = None' if i in starts_of and line.startswith('#') else line
              for i, line in enumerate(exec_lines)]
    tree = ast.parse('\n'.join(hacked), filename='<source_block>')
    starts = []
    for node in tree.body:
        if getattr(node, 'decorator_list', None):
            starts.append(node.decorator_list[0].lineno - 1)
        else:
            starts.append(node.lineno - 1)
    not_ps1 = {i for i, p in enumerate(source_lines) if p[:4] != '>>> '}
    starts = sorted(set(starts).difference(not_ps1))
    mode = 'exec'
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        mode = 'eval'
    if len(source_lines) > 1 and source_lines[0].startswith('>>> '):
        if all(_hasprefix(s, ('...',)) for s in source_lines[1:]):
            mode = 'single'
    if mode == 'eval':
        if any(t.type == tokenize.OP and t.string == ';'
               for t in _nonempty_tokens(exec_lines)):
            mode = 'single'
    return starts, mode


_DIRECTIVE = re.compile(r'x?doctest:\s*(?P<a>.*)|x?doc:\s*(?P<b>.*)', re.IGNORECASE)


def directive_scope(text):
    """'' when the statement text has no directive comment, else 'block' or 'inline'."""
    lines = text.splitlines()
    found = False
    try:
        for tok in _nonempty_tokens(lines):
            if tok.type == tokenize.COMMENT:
                m = _DIRECTIVE.match(tok.string[1:].strip())
                if m and (m.group('a') or m.group('b')):
                    found = True
                    break
    except (tokenize.TokenError, SyntaxError):
        return ''
    if not found:
        return ''
    inline = not all(line.strip().startswith('#') for line in lines)
    return 'inline' if inline else 'block'
