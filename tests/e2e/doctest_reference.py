"""stdlib doctest's own verdicts, per example, for the sources the rule-set tests run through
docnb: `pycon` fences of a Markdown page (as Sybil and pytest's --doctest-glob read them: one
namespace per page, ELLIPSIS on) and the docstrings of a module (as `python -m doctest` and
`pytest --doctest-modules` run them)."""
import doctest
import importlib.util
import re

FENCE = re.compile(r"^```pycon\n(.*?)^```", re.M | re.S)


class _Recorder(doctest.DocTestRunner):
    def __init__(self, **options):
        super().__init__(**options)
        self.verdicts = []

    def report_start(self, out, test, example):
        pass

    def report_success(self, out, test, example, got):
        self.verdicts.append((test, example, "passed"))

    def report_failure(self, out, test, example, got):
        self.verdicts.append((test, example, "failed"))

    def report_unexpected_exception(self, out, test, example, exc_info):
        self.verdicts.append((test, example, "failed"))


def markdown_verdicts(text, flags=doctest.ELLIPSIS):
    """{line of the `>>>`: verdict} for every example of the page's pycon fences."""
    runner = _Recorder(optionflags=flags)
    globs = {}
    for fence in FENCE.finditer(text):
        first_line = text.count("\n", 0, fence.start(1)) + 1
        test = doctest.DocTestParser().get_doctest(fence[1], globs, "page", "page.md",
                                                  first_line - 1)
        runner.run(test, clear_globs=False)
    return {test.lineno + example.lineno + 1: verdict
            for test, example, verdict in runner.verdicts}


def module_verdicts(path):
    """{docstring owner's name ("f", "C.m"): verdict} as `python -m doctest` decides."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    runner = _Recorder()
    for test in doctest.DocTestFinder().find(module):
        runner.run(test)
    verdicts = {}
    for test, _, verdict in runner.verdicts:
        name = test.name.split(".", 1)[1] if "." in test.name else test.name
        if verdicts.get(name) != "failed":
            verdicts[name] = verdict
    return verdicts
