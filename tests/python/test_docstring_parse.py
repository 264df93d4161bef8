# converters/python/docstring_parse.py: where a doctest's statements start, how the last one
# compiles, and which comments are directives, against xdoctest 1.1.1's own parser.
import pytest
from xdoctest import parser as xdoctest_parser
from xdoctest import static_analysis

from product import load

helpers = load('converters/python/docstring_parse.py')

CHUNKS = [
    ['>>> x = 1', '>>> y = 2', '>>> x + y'],
    ['>>> # a comment first', '>>> x = 1; x'],
    ['>>> @decorator', '... def f():', '...     return 1'],
    ['>>> for i in range(2):', '...     print(i)'],
    ['>>> x = (1,', '...      2)', '>>> x'],
    ['>>> s = """a', '... >>> not a prompt', '... """', '>>> s'],
    ['>>> if x:', '...     y = 1', '... else:', '...     y = 2', '>>> y'],
    ['>>> print(1)', '>>> # trailing comment'],
    ['>>> class A:', '...     pass', '>>> A()'],
]


@pytest.mark.parametrize('chunk', CHUNKS, ids=[c[0] for c in CHUNKS])
def test_statement_starts_and_mode_match_xdoctest(chunk):
    expected = xdoctest_parser.DoctestParser()._locate_ps1_linenos(chunk)
    starts, mode = helpers.statement_starts(chunk)
    assert (starts, mode) == (list(expected[0]), expected[1])


def test_statement_starts_raise_on_a_chunk_that_never_balances():
    with pytest.raises(SyntaxError):
        helpers.statement_starts(['>>> x = (1,', '>>> y = 2'])


BALANCE_CASES = [
    (['x = (1,', '     2)'], True),
    (['x = (1,'], False),
    (['s = """open'], False),
    (['if x:', '    y = 1', '  z = 2'], False),  # a dedent to no outer level
    (['', 'x = 1', ''], True),  # blank lines are left out, as xdoctest leaves them
    (['x = "abc'], True),  # tokenize goes on past an unterminated one-line string
]


@pytest.mark.parametrize('lines, balanced', BALANCE_CASES)
def test_is_balanced_agrees_with_xdoctest(lines, balanced):
    assert helpers.is_balanced(lines) is balanced
    assert static_analysis.is_balanced_statement(lines, only_tokens=True) is balanced


@pytest.mark.parametrize('text, scope', [
    ('x = 1', ''),
    ('x = 1  # an ordinary comment', ''),
    ('x = 1  # doctest: +SKIP', 'inline'),
    ('x = 1  # xdoc: +SKIP', 'inline'),
    ('# DocTest: +SKIP', 'block'),
    ('# xdoctest: +REQUIRES(module:torch)\n# another comment', 'block'),
    ('# doctest:', ''),  # a directive comment with nothing in it
    ('s = "# doctest: +SKIP"', ''),  # inside a string it is no comment
    ('s = """open', ''),  # unbalanced text has no directive
])
def test_directive_scope(text, scope):
    assert helpers.directive_scope(text) == scope
