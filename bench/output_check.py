"""How a benchmark that compares docnb's outputs with nbclient's ends: the differences it found
printed, and a failed docnb run counted as a mismatch, both with exit status 1."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from execution_overhead import DocnbFailure  # noqa: E402


def report_problems(problems):
    """Prints the first differences from nbclient; True when there were any."""
    if not problems:
        return False
    print(f"output check: MISMATCH ({len(problems)} differences from nbclient)")
    for p in problems[:10]:
        print("  " + p)
    return True


def run_main(main):
    """Exits with main()'s status; a docnb run that failed outright is a mismatch."""
    try:
        sys.exit(main())
    except DocnbFailure as e:
        print(f"output check: MISMATCH (docnb run failed)\n{e}")
        sys.exit(1)
