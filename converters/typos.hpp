// Misspelt markers found while reading a source: the spellings that sit at the source level
// (Markdown comment markers, rst directive names). Directive comments in code, prefixes and
// names alike, are checked by check/directives when a run plans its cells.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docnb::converters {

// The candidate closest to `word` (support/nearest_name's distance), when at most `max_distance`
// edits away and not equal.
[[nodiscard]] std::optional<std::string>
nearest_name(std::string_view word, const std::vector<std::string>& candidates, int max_distance);

} // namespace docnb::converters
