# converters/python/module_path.py: where `docnb run --module NAME` finds NAME's source,
# without importing it.
import sys

from product import load

helpers = load('converters/python/module_path.py')


def make_tree(root):
    (root / 'pkg' / 'sub').mkdir(parents=True)
    (root / 'pkg' / '__init__.py').write_text('raise RuntimeError("imported")\n')
    (root / 'pkg' / 'sub' / '__init__.py').write_text('')
    (root / 'pkg' / 'leaf.py').write_text('')
    (root / 'spaced' / 'inner').mkdir(parents=True)  # a namespace package: no __init__.py
    (root / 'spaced' / 'inner' / 'mod.py').write_text('')
    (root / 'native.cpython-311-x86_64-linux-gnu.so').write_bytes(b'')


def test_packages_are_their_folder_modules_their_file_and_nothing_is_imported(tmp_path,
                                                                               monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert helpers.module_path('pkg') == str(tmp_path / 'pkg')
    assert helpers.module_path('pkg.leaf') == str(tmp_path / 'pkg' / 'leaf.py')
    assert helpers.module_path('pkg.sub') == str(tmp_path / 'pkg' / 'sub')
    assert 'pkg' not in sys.modules


def test_namespace_packages_are_their_first_folder(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert helpers.module_path('spaced') == str(tmp_path / 'spaced')
    assert helpers.module_path('spaced.inner.mod') == str(tmp_path / 'spaced' / 'inner' / 'mod.py')


def test_missing_and_compiled_modules_have_no_source_path(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert helpers.module_path('absent') is None
    assert helpers.module_path('pkg.absent') is None
    assert helpers.module_path('pkg.leaf.deeper') is None
    assert helpers.module_path('native') is None


def test_sys_path_is_searched_after_the_working_folder(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path / 'pkg')
    monkeypatch.syspath_prepend(str(tmp_path))
    assert helpers.module_path('pkg.leaf') == str(tmp_path / 'pkg' / 'leaf.py')
