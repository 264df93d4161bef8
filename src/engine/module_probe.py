# Run as `python -c` by docnb (src/engine/module_probe.cpp) in the kernels' interpreter:
# exits 0 when the module named by argv[1] is importable there, 1 when not. find_spec imports
# only the parent packages, and one that fails to import means the module is not available.
import importlib.util
import sys

try:
    found = importlib.util.find_spec(sys.argv[1]) is not None
except Exception:
    found = False
sys.exit(0 if found else 1)
