// The HTML comments of a Markdown page that docnb reads (`<!-- docnb: skip -->`, Sybil's
// `<!-- skip: next -->` and invisible code blocks, phmdoctest's and pytest-codeblocks' skips),
// the rst comments that say the same (`.. docnb: skip`, Sybil's `.. skip: next`,
// `.. skip: start`, `.. skip: end`), and the misspellings of them that deserve a warning.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace docnb::converters {

// An HTML comment that is a marker, and what it means.
enum class Marker { none, skip_next, skip_start, skip_end, invisible_code, other_known };

struct MarkerSeen {
  Marker marker = Marker::none;
  std::string spelling; // the comment as written, e.g. "<!-- docnb: skip -->"
  std::optional<std::string> typo_of;
};

// What an HTML block (as CommonMark delimits it) says, if it is a marker.
[[nodiscard]] MarkerSeen marker_of(std::string_view html_block);

// What an rst comment says, given its first line (`.. skip: next`), if it is a skip marker.
[[nodiscard]] MarkerSeen rst_marker_of(std::string_view comment_line);

} // namespace docnb::converters
