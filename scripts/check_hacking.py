#!/usr/bin/env python3
"""Checks that HACKING.md's table of common changes is true: at least ten rows, and every file
it names exists. Prints each missing file; exits 1 when the table is short or names one."""
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent


def table_rows(text):
    """The rows of the table under "## Where to make a common change"."""
    section = text.split("## Where to make a common change", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return rows[1:]  # the header


if __name__ == "__main__":
    rows = table_rows((ROOT / "HACKING.md").read_text())
    missing = []
    for row in rows:
        for name in re.findall(r"`([\w./-]+\.\w+)`", row.rsplit("|", 2)[-2]):
            if not (ROOT / name).is_file():
                missing.append(name)
    for name in missing:
        print(f"HACKING.md names {name}, which does not exist")
    print(f"check_hacking: {len(rows)} rows, {len(missing)} missing files")
    sys.exit(1 if missing or len(rows) < 10 else 0)
