"""A pytest plugin for the tests of pytest_docnb: writes every item's outcome, longrepr and
xdist worker as JSON lines to the file $PYTEST_OUTCOME_LOG, from the controller alone under
-n (a worker's own reports carry no worker name)."""
import json
import os


class OutcomeLog:
    def __init__(self, path):
        self.path = path

    def pytest_runtest_logreport(self, report):
        if report.when != "call" and report.outcome == "passed":
            return
        gateway = getattr(getattr(report, "node", None), "gateway", None)
        record = {"nodeid": report.nodeid, "when": report.when, "outcome": report.outcome,
                  "longrepr": str(report.longrepr) if report.longrepr else "",
                  "worker": getattr(gateway, "id", "")}
        with open(self.path, "a", encoding="utf-8") as log:
            log.write(json.dumps(record) + "\n")


def pytest_configure(config):
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(OutcomeLog(os.environ["PYTEST_OUTCOME_LOG"]),
                                      "outcome-log")
