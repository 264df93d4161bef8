"""A throwaway Sphinx conf.py: the doctest builder, a global setup docnb reads too (with
--sphinx-conf), and a record of the verdict of every example the builder runs, in the order it
runs them, as JSON lines in verdicts.jsonl beside this file.

docnb reads only the doctest_* assignments of this file (with `ast`); the rest is Sphinx's.
"""
import doctest
import json
import os

extensions = ["sphinx.ext.doctest"]
doctest_global_setup = "import sys as _docnb_sys"
doctest_global_cleanup = "del _docnb_sys"

_LOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "verdicts.jsonl")


def _record(method, verdict):
    original = getattr(doctest.DocTestRunner, method)

    def recorded(self, out, test, example, *rest):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps([os.path.basename(test.filename or ""), test.name,
                                  example.source, verdict]) + "\n")
        return original(self, out, test, example, *rest)

    setattr(doctest.DocTestRunner, method, recorded)


_record("report_success", "passed")
_record("report_failure", "failed")
_record("report_unexpected_exception", "failed")
