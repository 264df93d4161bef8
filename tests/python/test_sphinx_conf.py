# converters/python/sphinx_conf.py: a Sphinx conf.py's doctest settings, read with `ast` and
# never run.
import doctest

from product import load

conf = load('converters/python/sphinx_conf.py')

LITERAL = '''
import doctest
project = 'demo'
doctest_global_setup = """
import math
x = 1
"""
doctest_global_cleanup: str = 'del x'
doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
'''


def test_literal_settings_read_as_sphinx_would_see_them_once_run():
    values, warnings = conf.read_sphinx_conf(LITERAL, 'conf.py')
    assert warnings == []
    ran = {}
    exec(LITERAL, ran)  # the reference: what Sphinx gets by running this conf.py
    assert values['doctest_global_setup'] == ran['doctest_global_setup']
    assert values['doctest_global_cleanup'] == ran['doctest_global_cleanup']
    flags = 0
    for name in values['doctest_default_flags'].split(', '):
        assert name.startswith('+')
        flags |= doctest.OPTIONFLAGS_BY_NAME[name[1:]]
    assert flags == ran['doctest_default_flags']
    assert 'project' not in values


def test_conf_py_is_never_run(tmp_path):
    marker = tmp_path / 'ran'
    text = (f"open({str(marker)!r}, 'w').write('ran')\n"
            "doctest_global_setup = 'y = 2'\n")
    values, warnings = conf.read_sphinx_conf(text, 'conf.py')
    assert values == {'doctest_global_setup': 'y = 2'}
    assert warnings == []
    assert not marker.exists()


def test_computed_values_are_warnings_naming_their_line():
    text = ("import os\n"
            "doctest_global_setup = os.environ.get('SETUP', '')\n"
            "doctest_global_cleanup = 3\n"
            "doctest_default_flags = compute_flags()\n")
    values, warnings = conf.read_sphinx_conf(text, 'docs/conf.py')
    assert values == {}
    assert [w.split(': ')[0] for w in warnings] == [
        'docs/conf.py:2', 'docs/conf.py:3', 'docs/conf.py:4']
    assert 'never run' in warnings[0]


def test_a_conf_py_that_is_not_python_is_one_warning():
    values, warnings = conf.read_sphinx_conf('doctest_global_setup = (\n', 'conf.py')
    assert values == {}
    assert len(warnings) == 1 and warnings[0].startswith('conf.py:')
