# What docnb compiles in from .py files (cmake/embed_python.cmake): the converters' helper
# files run, in order, in one namespace (converters/python_runtime.cpp), so none may rebind
# a name another defines.
import ast
import re

import pytest

from product import ROOT

TEMPLATE = (ROOT / 'converters/python_sources.cpp.in').read_text()
HELPER_FILES = re.findall(r'\{"(converters/python/[a-z_]+\.py)"', TEMPLATE)


def top_level_names(path):
    tree = ast.parse((ROOT / path).read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def test_the_template_lists_every_helper_file():
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / 'converters/python').glob('*.py')}
    # fresh_namespace.py and doctest_part.py run in the kernel, not in docnb's interpreter.
    in_the_kernel = {'converters/python/fresh_namespace.py', 'converters/python/doctest_part.py'}
    assert set(HELPER_FILES) == on_disk - in_the_kernel


@pytest.mark.parametrize('index', range(len(HELPER_FILES)))
def test_no_helper_file_rebinds_a_name_of_another(index):
    mine = top_level_names(HELPER_FILES[index])
    for other in HELPER_FILES[:index] + HELPER_FILES[index + 1:]:
        assert not mine & top_level_names(other), other


def test_the_helper_module_offers_what_the_converters_call():
    namespace = {}
    for path in HELPER_FILES:
        exec(compile((ROOT / path).read_text(), path, 'exec'), namespace)
    called = set()
    for cpp in (ROOT / 'converters').glob('*.cpp'):
        called.update(re.findall(r'helpers\(\)\s*\.attr\("(\w+)"\)', cpp.read_text()))
    assert called and called <= set(namespace)
