// What the writers of converters/write_back share: fresh output turned into the lines of a want,
// the way a doctest parser will read them back.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace docnb::converters {

// The printed text as want text: trailing blank lines and whitespace dropped, since the
// comparison ignores them and a source block cannot end in them.
[[nodiscard]] std::string want_text(std::string printed);

// `text` split at '\n' (no lines for empty text).
[[nodiscard]] std::vector<std::string> split_text(const std::string& text);

// A doctest want ends at a blank line, so blank output lines are written as <BLANKLINE>.
[[nodiscard]] std::string pycon_text(const std::string& body);

// The text before the `>>>` of a prompt line: the want's indentation (and a Markdown container's
// markers), given to every want line.
[[nodiscard]] std::string prompt_indent(const std::string& line);

// Why `body` cannot be a doctest want: a line a parser would read as a new statement (`>>>`);
// nullopt when it can.
[[nodiscard]] std::optional<std::string> unwritable_want(const std::string& body);

} // namespace docnb::converters
