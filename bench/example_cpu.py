#!/usr/bin/python3
"""Where the CPU of one docstring example goes: docnb against xdoctest, per example.

A stand-in module of N examples, each of three parts (a statement, an expression compared with
its want, a print compared with its want), is run by xdoctest and by `docnb run -j 1 --no-cache
--no-fork`; each figure is taken at N and at 1 and divided by N - 1, so start-up cancels out:

  xdoctest         the CPU of `python -m xdoctest mod.py all` (the process and what it waited for)
  docnb (kernel)   the kernel's own CPU (os.times() in its last example)
  docnb (client)   docnb's CPU: the run's CPU less the kernel's

Then, in this process, what the kernel does per example, on IPython's InteractiveShell (the
shell ipykernel runs cells in) against exec/eval (what xdoctest does):

  setup cell       the namespace cell docnb puts before each example (converters/python/
                   fresh_namespace.py: clear the namespace, import the module, copy its globals,
                   run global_exec), as docnb sends it: the function's source and the call
  one part         run_cell of a statement, of an expression (displayhook, repr formatting),
                   of a print; against compile + exec of the same code

Usage: /usr/bin/python3 bench/example_cpu.py [--docnb PATH] [--examples N]
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings

os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
warnings.filterwarnings("ignore")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

EXAMPLE = '''
def f{k}():
    """
    Example:
        >>> x = [{k}, 2, 3]
        >>> sum(x) - {k}
        5
        >>> print("f{k}", len(x))
        f{k} 3
    """
'''
LAST = '''
def zz_last():
    """
    Example:
        >>> import os
        >>> t = os.times()
        >>> _ = open(os.environ["DOCNB_BENCH_TIMES"], "w").write(repr(t.user + t.system))
    """
'''


def write_module(folder, count):
    path = os.path.join(folder, f"mod{count}.py")
    with open(path, "w") as f:
        f.write("".join(EXAMPLE.format(k=k) for k in range(count)) + LAST)
    return path


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cpu(cmd, cwd, env=None):
    """The CPU of `cmd` and of every process it waited for."""
    before = children_cpu()
    proc = subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})},
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout[-3000:]}")
    return children_cpu() - before


def docnb_cpu(docnb, folder, module):
    times = os.path.join(folder, "kernel-times")
    total = run_cpu([docnb, "run", "-j", "1", "--no-cache", "--no-fork", "--out",
                     os.path.join(folder, "out"), module], folder, {"DOCNB_BENCH_TIMES": times})
    with open(times) as f:
        kernel = float(f.read())
    return total - kernel, kernel


def xdoctest_cpu(folder, module):
    return run_cpu([sys.executable, "-m", "xdoctest", module, "all"], folder,
                   {"DOCNB_BENCH_TIMES": os.path.join(folder, "xdoctest-times")})


def write_package(folder, count):
    """`count` modules of one example each, in a package."""
    package = os.path.join(folder, f"pkg{count}")
    os.makedirs(package)
    open(os.path.join(package, "__init__.py"), "w").close()
    for k in range(count):
        with open(os.path.join(package, f"m{k:03d}.py"), "w") as f:
            f.write(EXAMPLE.format(k=k))
    return package


def module_cost(docnb, folder, count):
    """CPU per module beyond its example: `count` modules of one example against one module of
    `count` examples, for docnb (everything it started included: fork server, kernels) and for
    xdoctest (one process for every module)."""
    one_module = os.path.join(folder, f"one{count}.py")
    with open(one_module, "w") as f:
        f.write("".join(EXAMPLE.format(k=k) for k in range(count)))
    package = write_package(folder, count)
    out = os.path.join(folder, "out-modules")
    docnb_run = [docnb, "run", "-j", "1", "--no-cache", "--out", out]
    d_modules = run_cpu([*docnb_run, package], folder)
    d_examples = run_cpu([*docnb_run, one_module], folder)
    x_modules = run_cpu([sys.executable, "-m", "xdoctest", package, "all"], folder)
    x_examples = run_cpu([sys.executable, "-m", "xdoctest", one_module, "all"], folder)
    return ((d_modules - d_examples) / (count - 1) * 1000,
            (x_modules - x_examples) / (count - 1) * 1000)


def per_example(many, one, count):
    return (many - one) / (count - 1) * 1000


def setup_code(docnb, folder, module):
    out = os.path.join(folder, "converted.ipynb")
    subprocess.run([docnb, "convert", module, "--out", out], check=True, capture_output=True)
    with open(out) as f:
        nb = json.load(f)
    for cell in nb["cells"]:
        if cell.get("metadata", {}).get("docnb", {}).get("role") == "namespace":
            return "".join(cell["source"])
    sys.exit("no namespace cell in the converted module")


def cpu_per_call(function, repeat):
    function()
    t0 = time.process_time()
    for _ in range(repeat):
        function()
    return (time.process_time() - t0) / repeat * 1000


def in_process(code, folder, repeat):
    from IPython.core.interactiveshell import InteractiveShell
    sys.path.insert(0, folder)
    shell = InteractiveShell.instance()
    shell.run_cell(code, store_history=False)  # pprint off, as in the kernel
    shell.history_manager.enabled = False
    namespace = {}
    rows = [("setup cell (run_cell)", cpu_per_call(lambda: shell.run_cell(code), repeat))]
    for label, part in (("statement", "x = [1, 2, 3]"), ("expression", "sum(x) - 1"),
                        ("print", 'print("f", len(x))')):
        shell.run_cell("x = [1, 2, 3]")
        rows.append((f"{label}: run_cell", cpu_per_call(lambda: shell.run_cell(part), repeat)))
        exec("x = [1, 2, 3]", namespace)
        mode = "eval" if label == "expression" else "exec"
        run = (lambda: repr(eval(compile(part, "<doctest>", mode), namespace))) if mode == "eval" \
            else (lambda: exec(compile(part, "<doctest>", mode), namespace))
        rows.append((f"{label}: compile + exec", cpu_per_call(run, repeat)))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docnb", default=os.path.join(REPO, "build", "docnb"))
    parser.add_argument("--examples", type=int, default=200)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="docnb-example-cpu-")
    many, one = write_module(folder, args.examples), write_module(folder, 1)
    n = args.examples + 1  # with the last example
    x_many, x_one = xdoctest_cpu(folder, many), xdoctest_cpu(folder, one)
    (c_many, k_many), (c_one, k_one) = docnb_cpu(args.docnb, folder, many), \
        docnb_cpu(args.docnb, folder, one)
    print(f"CPU per example ({args.examples} examples of 3 parts, less a 1-example module):")
    print(f"  xdoctest        {per_example(x_many, x_one, n):6.2f} ms")
    print(f"  docnb (kernel)  {per_example(k_many, k_one, n):6.2f} ms")
    print(f"  docnb (client)  {per_example(c_many, c_one, n):6.2f} ms")
    docnb_module, xdoctest_module = module_cost(args.docnb, folder, 50)
    print("CPU per module beyond its examples (50 modules of 1 example against 1 of 50):")
    print(f"  xdoctest        {xdoctest_module:6.2f} ms")
    print(f"  docnb           {docnb_module:6.2f} ms (a forked kernel, its start and shutdown, "
          "the module read and its notebook written)")
    print("In-process, per call (IPython's InteractiveShell against compile + exec):")
    code = setup_code(args.docnb, folder, one)
    with open(os.devnull, "w") as null:
        stdout, sys.stdout = sys.stdout, null
        try:
            rows = in_process(code, folder, 300)
        finally:
            sys.stdout = stdout
    for label, ms in rows:
        print(f"  {label:28s} {ms:6.3f} ms")


if __name__ == "__main__":
    main()
