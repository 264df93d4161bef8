# docnb's embedded Python files, loaded straight from the repository as the tests' modules:
# each file is read by path, as docnb compiles it in, not found through sys.path.
import importlib.util
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load(relative):
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
