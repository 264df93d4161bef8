// Sanitizer rules: nbval's `--nbval-sanitize-with` file format and docnb's built-in sets.
//
// The file format is nbval's: a line `regex: X` directly followed by a line `replace: Y`
// makes one rule; everything else (`[section]` headers, comments, blank lines, a `regex:`
// line with no `replace:` under it) is ignored, as nbval's findall over the text ignores it.
// Exactly one space follows each colon; the rest of the line, trailing spaces included, is
// the value.
#pragma once

#include "support/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace docnb::check {

struct SanitizeRule {
  std::string regex;   // Python `re` syntax
  std::string replace; // Python `re.sub` template
  std::string where;   // "file:line" of the `regex:` line, or "builtin:NAME"
};

// The rules in `text`, in file order. `origin` names the file in each rule's `where`.
[[nodiscard]] std::vector<SanitizeRule> parse_sanitize_rules(std::string_view text,
                                                             std::string_view origin);

// Reads and parses a sanitizer file; fails only when the file cannot be read.
[[nodiscard]] Result<std::vector<SanitizeRule>>
read_sanitize_file(const std::filesystem::path& path);

// Built-in opt-in rule sets: "memory-address", "timestamp", "uuid", "ansi".
[[nodiscard]] const std::vector<std::string_view>& builtin_sanitizer_names();
[[nodiscard]] Result<std::vector<SanitizeRule>> builtin_sanitize_rules(std::string_view name);

} // namespace docnb::check
