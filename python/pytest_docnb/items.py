"""The collected nodes: a source docnb found, and each of its examples."""

import pytest

from pytest_docnb.ids import item_name

# How much of docnb's stderr an example that got no verdict shows.
STDERR_TAIL_LINES = 20


class DocnbFailed(Exception):
    """An example docnb judged failed; the message is docnb's own failure text."""


class DocnbNotRun(Exception):
    """An example docnb's report says nothing about (its source could not run)."""


class DocnbFile(pytest.File):
    """A source docnb lists examples for, or could not read (a collection error)."""

    def collect(self):
        state = self.config.stash[STATE]
        key = str(self.path)
        if key in state.listing.errors:
            raise self.CollectError(state.listing.errors[key])
        for example in state.listing.examples.get(key, []):
            yield DocnbItem.from_parent(self, name=item_name(example["file"], example["id"]),
                                        example=example)


class DocnbItem(pytest.Item):
    """One docnb example; its verdict comes from the run of its whole source."""

    def __init__(self, *, example, **kwargs):
        super().__init__(**kwargs)
        self.example = example

    @property
    def source(self):
        """The source's path as docnb spells it (the ids start with it)."""
        return self.example["file"]

    def runtest(self):
        record, outcome = self.config.stash[STATE].verdict(self)
        if record is None:
            raise DocnbNotRun(not_run_text(self.example["id"], outcome,
                                           self.config.stash[STATE].docnb.absolute(self.source)))
        if record["status"] == "skipped":
            # Reported at the example's line, as a skip mark would be, not at this file's.
            raise pytest.skip.Exception(record["reason"], _use_item_location=True)
        if record["status"] == "failed":
            raise DocnbFailed(record["text"] or record["reason"])

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, (DocnbFailed, DocnbNotRun)):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        # Text sources give 1-based lines; a notebook's cells have none. The domain names the
        # example by docnb's id, marked as pytest's doctest items mark theirs: a domain that
        # ends the node id would be shown with its dots turned into `::`.
        line = self.example.get("line", 0)
        return self.path, max(line - 1, 0), f"[docnb] {self.example['id']}"


def not_run_text(example_id, outcome, source):
    lines = [f"{example_id}: docnb reported no verdict (docnb run exited {outcome.exit_code})"]
    if source in outcome.errors:
        lines.append(outcome.errors[source])
    stderr = outcome.stderr.strip().splitlines()[-STDERR_TAIL_LINES:]
    lines.extend(stderr)
    return "\n".join(lines) + "\n"


def sources_of(items):
    """The examples of the items, grouped by source in the items' order."""
    by_source = {}
    for item in items:
        by_source.setdefault(item.source, []).append(item.example)
    return by_source


class State:
    """The session's docnb: the listing and the outcome of each source run so far."""

    def __init__(self, docnb, listing, worker):
        self.docnb = docnb
        self.listing = listing
        self.worker = worker  # a pytest-xdist worker: runs what it is sent, source by source
        self.outcomes = {}  # source (docnb's spelling) -> RunOutcome
        self.warnings = [listing.warnings] if listing.warnings.strip() else []

    def verdict(self, item):
        """The report record of the item's example (None when docnb gave none) and the run's
        outcome; the first item of a source runs it, with the other sources to come."""
        if item.source not in self.outcomes:
            self._run(self._batch(item))
        outcome = self.outcomes[item.source]
        return outcome.records.get(item.example["id"]), outcome

    def _batch(self, item):
        """One docnb run serves every selected source not run yet; a worker of pytest-xdist
        does not know what it will be sent next, so it runs the item's source alone."""
        items = [other for other in item.session.items if isinstance(other, DocnbItem)]
        if self.worker:
            chosen = [other for other in items if other.source == item.source]
        else:
            chosen = [other for other in items if other.source not in self.outcomes]
        return sources_of(chosen if item in chosen else [item, *chosen])

    def _run(self, by_source):
        """Runs whole sources: a notebook's or page's cells share a kernel. A docstring
        module's examples are independent, so only the selected ones run (`path::name`)."""
        targets = []
        for source, examples in by_source.items():
            listed = self.listing.examples.get(self.docnb.absolute(source), [])
            if examples[0]["kind"] == "docstring" and len(examples) < len(listed):
                targets.extend(example["id"] for example in examples)
            else:
                targets.append(source)
        outcome = self.docnb.run(targets)
        if outcome.stderr.strip():
            self.warnings.append(outcome.stderr)
        for source in by_source:
            self.outcomes[source] = outcome


# Where the session keeps its State: in pytest's stash of the config.
STATE = pytest.StashKey[State]()
