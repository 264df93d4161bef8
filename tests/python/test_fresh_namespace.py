# converters/python/fresh_namespace.py, run as docnb runs it: in a real IPython shell, as the
# setup cell docnb writes before every docstring example (converters/docstring_notebook.cpp).
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell

from product import ROOT

SOURCE = (ROOT / 'converters/python/fresh_namespace.py').read_text()


@pytest.fixture
def shell(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, 'path', list(sys.path))
    (tmp_path / 'example_mod.py').write_text('CONSTANT = 42\n\ndef helper():\n    return 7\n')
    shell = InteractiveShell.instance()
    yield shell
    InteractiveShell.clear_instance()
    sys.modules.pop('example_mod', None)


def setup_cell(import_root, global_exec):
    return SOURCE + f"__docnb_fresh_namespace(get_ipython(), 'example_mod', {str(import_root)!r}, " \
                    f"{global_exec!r})"


def test_the_namespace_is_the_module_globals_plus_global_exec(shell, tmp_path):
    shell.run_cell('left_over = 1')
    result = shell.run_cell(setup_cell(tmp_path, 'extra = CONSTANT + 1'))
    assert result.success, result.error_in_exec
    namespace = shell.user_ns
    assert namespace['CONSTANT'] == 42
    assert namespace['helper']() == 7
    assert namespace['extra'] == 43
    assert 'left_over' not in namespace
    assert '__docnb_fresh_namespace' not in namespace
    assert str(tmp_path) == sys.path[0]


def test_the_shell_keeps_its_hidden_names_and_shows_values_with_repr(shell, tmp_path):
    hidden = {name for name in shell.user_ns_hidden if name in shell.user_ns}
    assert shell.run_cell(setup_cell(tmp_path, '')).success
    assert hidden <= set(shell.user_ns)
    assert shell.display_formatter.formatters['text/plain'].pprint is False
    assert shell.run_cell('get_ipython() is not None').result is True


def test_import_root_already_on_sys_path_is_not_added_twice(shell, tmp_path):
    sys.path.insert(0, str(tmp_path))
    assert shell.run_cell(setup_cell(tmp_path, '')).success
    assert sys.path.count(str(tmp_path)) == 1


def test_a_failing_global_exec_fails_the_cell(shell, tmp_path):
    result = shell.run_cell(setup_cell(tmp_path, 'raise ValueError("global_exec")'))
    assert isinstance(result.error_in_exec, ValueError)
