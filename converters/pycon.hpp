// A `>>>` session (Markdown `pycon` fences, rst doctest blocks) split into parts, as
// xdoctest splits an example: consecutive statements without output between them form one
// part, and the output lines after a part's last statement are its want.
//
// `>>> ` starts a statement and `... ` continues it; both prompts are stripped, and a
// line that is exactly `>>>` or `...` is an empty source line. A want runs up to a blank
// line or the next `>>>`. A line that is exactly `...` right after a one-line statement
// that opens nothing (no trailing `:`, `(`, `[`, `{`, `,` or `\`) is an ellipsis want, as
// in xdoctest; elsewhere (a multi-line statement, an open triple-quoted string) it continues
// the statement, as in the stdlib REPL. A statement with an inline directive comment
// (`# doctest: +SKIP` after code) is a part of its own, so that the directive applies to it
// alone and not to its neighbours.
// Indentation is taken from the first `>>>` line and removed from the want lines too.
#pragma once

#include "converters/text_source.hpp"

#include <optional>
#include <string>
#include <vector>

namespace docnb::converters {

struct PyconPart {
  std::string source; // prompts stripped, lines joined with "\n"
  int line = 0;       // 1-based lines of the first and last statement line
  int last_line = 0;
  std::optional<std::string> want; // want lines joined, each ending in "\n"
  int want_line = 0;
  int want_last_line = 0;
};

struct PyconSession {
  std::vector<PyconPart> parts;
  std::vector<int> stray_lines; // text lines that belong to no statement or want
};

// `lines` are consecutive source lines, the first of them at line `first_line`. With
// `one_statement_each` (stdlib doctest's parser), every `>>>` statement is a part of its own and
// a bare `...` line always continues the statement.
[[nodiscard]] PyconSession split_pycon(const std::vector<std::string>& lines, int first_line,
                                       bool one_statement_each = false);

// True when `line`, without indentation, starts with a `>>>` prompt.
[[nodiscard]] bool starts_with_prompt(const std::string& line);

// Adds a cell per part of the `>>>` session in `lines` (the first at line `first_line`), each
// with `base`'s fields and its own lines and want; returns the lines outside every example.
std::vector<int> add_session_cells(const std::vector<std::string>& lines, int first_line,
                                   const SourceMap& base, const Json& metadata, CellList& cells,
                                   bool one_statement_each = false);

} // namespace docnb::converters
