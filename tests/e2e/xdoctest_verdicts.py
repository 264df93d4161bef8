"""xdoctest's verdict of every example under PyTorch's CI configuration, as JSON.

Usage: xdoctest_verdicts.py OUT.json TARGET...
A TARGET is a file, a folder or an importable module name. OUT maps each example id
(`<real path>::name:N`) to passed, failed or skipped. xdoctest's runner reports only counts and
the failed examples, so DocTest.run is wrapped to record each summary as the runner makes it.
"""
import importlib.util
import json
import os
import sys
import time

import xdoctest.doctest_example as doctest_example
import xdoctest.runner as runner

CONFIG = {
    "global_exec": "from torch import nn\nimport torch.nn.functional as F\nimport torch",
    "analysis": "static",
    "style": "google",
    "options": "+IGNORE_WHITESPACE",
}

verdicts = {}
original_run = doctest_example.DocTest.run


def recording_run(self, *args, **kwargs):
    summary = original_run(self, *args, **kwargs)
    key = "%s::%s:%d" % (os.path.realpath(self.modpath), self.callname, self.num)
    if summary.get("skipped"):
        verdicts[key] = "skipped"
    elif summary.get("passed"):
        verdicts[key] = "passed"
    else:
        verdicts[key] = "failed"
    return summary


def resolve(target):
    if os.path.exists(target):
        return target
    spec = importlib.util.find_spec(target)
    if spec.submodule_search_locations:
        return list(spec.submodule_search_locations)[0]
    return spec.origin


def main():
    doctest_example.DocTest.run = recording_run
    out, targets = sys.argv[1], sys.argv[2:]
    start = time.monotonic()
    for target in targets:
        runner.doctest_module(resolve(target), command="all", config=dict(CONFIG), verbose=0)
    with open(out, "w") as f:
        json.dump(verdicts, f, indent=1, sort_keys=True)
    print("xdoctest: %d examples in %.1f s" % (len(verdicts), time.monotonic() - start),
          file=sys.stderr)


if __name__ == "__main__":
    main()
