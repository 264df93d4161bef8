#!/usr/bin/env python3
"""Checks the size rules of HACKING.md: no file over 400 lines and no function over 80 lines in
src/, converters/ and kernel/, unless HACKING.md names it under "Size exceptions" with the
reason it is one responsibility. Prints every breach; exits 1 when there is one."""
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 80
FOLDERS = ["src", "converters", "kernel"]
# A definition starts at column 0 (the project's clang-format style) or one indentation level
# in (a member defined in its class), and its body ends at the brace closing at that indentation.
HEADER = re.compile(r"^( {0,2})[A-Za-z~][^;]*\(")


def exceptions():
    """The `path` and `path:function` entries of HACKING.md's size exception list."""
    text = (ROOT / "HACKING.md").read_text()
    section = text.split("## Size exceptions", 1)[1] if "## Size exceptions" in text else ""
    section = section.split("\n## ", 1)[0]
    return set(re.findall(r"^- `([^`]+)`", section, re.M))


def functions(lines):
    """(name, first line, length) of each function definition, its signature on one line or
    several."""
    found = []
    for start, line in enumerate(lines):
        match = HEADER.match(line)
        statement = line.lstrip().startswith(("if ", "for ", "while ", "switch ", "}", "return ",
                                               "case ", "namespace", "struct ", "class ",
                                               "enum ", "using ", "template"))
        if not match or statement or "](" in line:  # a lambda is part of its function
            continue
        header_end = start
        while (header_end < min(start + 6, len(lines) - 1)
               and not lines[header_end].rstrip().endswith(("{", ";", "}"))):
            header_end += 1
        header = " ".join(lines[start:header_end + 1])
        if not header.rstrip().endswith("{") or ")" not in header or "=" in header.split("(")[0]:
            continue
        closing = match.group(1) + "}"
        for end in range(header_end + 1, len(lines)):
            if lines[end].rstrip() == closing or lines[end].startswith(closing + ";"):
                bare = header
                while re.search(r"<[^<>]*>", bare):  # template arguments name no function
                    bare = re.sub(r"<[^<>]*>", "", bare)
                name = re.search(r"([A-Za-z_~][\w:~]*)\s*\(", bare)
                found.append((name.group(1) if name else "?", start + 1, end - start + 1))
                break
    return found


def breaches():
    allowed = exceptions()
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".cpp", ".hpp"}:
                continue
            relative = path.relative_to(ROOT).as_posix()
            lines = path.read_text(errors="replace").splitlines()
            if len(lines) > MAX_FILE_LINES and relative not in allowed:
                found.append(f"{relative}: {len(lines)} lines (over {MAX_FILE_LINES})")
            for name, line, length in functions(lines):
                if length > MAX_FUNCTION_LINES and f"{relative}:{name}" not in allowed:
                    found.append(f"{relative}:{line}: {name} is {length} lines "
                                 f"(over {MAX_FUNCTION_LINES})")
    return found


if __name__ == "__main__":
    problems = breaches()
    for problem in problems:
        print(problem)
    print(f"check_sizes: {len(problems)} breaches")
    sys.exit(1 if problems else 0)
