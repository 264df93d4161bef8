"""The two calls the plugin makes to docnb: list what a run would check, and run sources.

Both run from pytest's invocation folder with the same options, so the ids of the run's JSON
report are the ids of the listing.
"""
import json
import os
import subprocess
import tempfile
from dataclasses import dataclass, field

# docnb's exit code for usage and input errors (README: 0 passed, 1 failed, 2 errors).
USAGE_OR_INPUT_ERROR = 2
# How long an interrupted docnb has to stop its kernels before it is killed.
SHUTDOWN_GRACE_SECONDS = 30


class DocnbUnavailable(Exception):
    """docnb could not be started, or refused the options: pytest's usage error."""


@dataclass
class Listing:
    """The examples of every source docnb found, and the sources it could not read; keys are
    absolute paths, as pytest hands files to its collection hooks."""
    examples: dict = field(default_factory=dict)  # path -> [example record, ...]
    errors: dict = field(default_factory=dict)  # path -> "where: message"
    warnings: str = ""


@dataclass
class RunOutcome:
    """What one `docnb run --json` said: a record per example id, errors per absolute path."""
    records: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    exit_code: int = 0
    stderr: str = ""


class Docnb:
    def __init__(self, binary, options, cwd):
        self.binary = binary
        self.options = list(options)
        self.cwd = str(cwd)

    def absolute(self, path):
        return os.path.normpath(os.path.join(self.cwd, path))

    def _call(self, args):
        try:
            process = subprocess.Popen([self.binary, "run", *self.options, *args], cwd=self.cwd,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                       errors="replace")
        except OSError as error:
            raise DocnbUnavailable(f"cannot run docnb ({self.binary}): {error.strerror}; install "
                                   "docnb or name its binary with --docnb-bin") from error
        with process:
            try:
                stdout, stderr = process.communicate()
            except BaseException:
                # pytest interrupted (Ctrl-C reaches docnb too): docnb shuts its kernels down
                # on SIGTERM, so it gets the time to, rather than subprocess.run's SIGKILL.
                process.terminate()
                try:
                    process.communicate(timeout=SHUTDOWN_GRACE_SECONDS)
                except subprocess.TimeoutExpired:
                    process.kill()
                raise
        return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)

    def list(self, paths):
        """`docnb run --list-json`: exit 2 with no source named is docnb refusing the options."""
        done = self._call(["--list-json", *paths])
        listing = Listing(warnings=done.stderr)
        for line in done.stdout.splitlines():
            record = json.loads(line)
            where = self.absolute(record["file"])
            if "error" in record:
                place = record["where"] or record["file"]
                listing.errors[where] = f"{place}: {record['error']}"
            else:
                listing.examples.setdefault(where, []).append(record)
        unexplained = done.returncode == USAGE_OR_INPUT_ERROR and not listing.errors
        if unexplained or done.returncode not in (0, USAGE_OR_INPUT_ERROR):
            raise DocnbUnavailable(done.stderr.strip()
                                   or f"docnb run --list-json exited {done.returncode}")
        return listing

    def run(self, targets):
        """`docnb run --json` over the targets (sources, or `path::name` docstring examples)."""
        with tempfile.TemporaryDirectory(prefix="pytest-docnb-") as folder:
            report_path = os.path.join(folder, "report.json")
            done = self._call(["--json", report_path, *targets])
            outcome = RunOutcome(exit_code=done.returncode, stderr=done.stderr)
            try:
                with open(report_path, encoding="utf-8") as report_file:
                    report = json.load(report_file)
            except (OSError, ValueError):
                return outcome  # every example of the targets is then reported as not run
        for record in report["examples"]:
            outcome.records[record["example"]] = record
        for error in report["errors"]:
            place = error["where"] or error["file"]
            outcome.errors[self.absolute(error["file"])] = f"{place}: {error['message']}"
        return outcome
