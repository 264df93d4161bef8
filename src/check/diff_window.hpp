// The part of two texts a diff compares line by line. A flood's output against its stored
// copy must not cost a diff of millions of lines (quadratic in what differs) nor a verdict
// detail, and a report, the size of the flood: the lines both texts share at their start and
// end are skipped (but for the context shown around a change), at most max_window_lines of
// each side are compared after that, and a long line is shown cut, with its size and a hash
// that tells two long lines apart.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docnb::check {

// Marks a last line that has no '\n', so "x" and "x\n" differ as diff(1) says they do.
inline constexpr std::string_view no_eol{"\0no-eol", 7};

inline constexpr std::size_t max_window_lines = 2'000;
inline constexpr std::size_t max_shown_line_bytes = 2'000;

struct DiffWindow {
  std::size_t skipped = 0;         // leading lines of both texts not in the window
  std::vector<std::string> stored; // the window's lines, without their '\n' (no_eol marked)
  std::vector<std::string> got;
  std::string note; // what the window leaves out at its end, or empty
};

[[nodiscard]] DiffWindow diff_window(std::string_view stored, std::string_view got,
                                     std::size_t context);

} // namespace docnb::check
