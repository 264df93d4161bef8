# src/engine/module_probe.py, run as docnb runs it (`python -c SOURCE NAME`): exit 0 when the
# module is importable, 1 when not, whatever its parent packages do on import.
import subprocess
import sys

import pytest

from product import ROOT

SOURCE = (ROOT / 'src/engine/module_probe.py').read_text()


def probe(name, cwd):
    return subprocess.run([sys.executable, '-c', SOURCE, name], cwd=cwd, timeout=60).returncode


@pytest.fixture
def packages(tmp_path):
    (tmp_path / 'fine').mkdir()
    (tmp_path / 'fine' / '__init__.py').write_text('')
    (tmp_path / 'fine' / 'leaf.py').write_text('raise RuntimeError("not imported by the probe")\n')
    (tmp_path / 'broken').mkdir()
    (tmp_path / 'broken' / '__init__.py').write_text('raise RuntimeError("parent fails")\n')
    (tmp_path / 'broken' / 'leaf.py').write_text('')
    return tmp_path


@pytest.mark.parametrize('name, code', [
    ('json', 0),
    ('fine', 0),
    ('fine.leaf', 0),  # found without being imported
    ('docnb_no_such_module', 1),
    ('fine.absent', 1),
    ('broken.leaf', 1),  # its parent raises while being imported
    ('', 1),  # find_spec refuses an empty name
])
def test_exit_status_says_whether_the_module_is_importable(packages, name, code):
    assert probe(name, packages) == code
