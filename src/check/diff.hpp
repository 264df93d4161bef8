// Unified diffs of a stored output against the new one, line by line (dtl's O(NP) diff).
#pragma once

#include <string>
#include <string_view>

namespace docnb::check {

struct DiffStyle {
  bool color = false; // ANSI red for '-', green for '+', cyan for '@@'
  int context = 3;    // unchanged lines kept around each change
};

// "@@ -a,b +c,d @@" hunks with ' ', '-' (stored) and '+' (got) lines, each ending in '\n';
// empty when the texts are equal. A line that lacks a final newline on one side only is
// marked "\ No newline at end of file", as diff(1) does, so such a change is never invisible.
[[nodiscard]] std::string unified_diff(std::string_view stored, std::string_view got,
                                       const DiffStyle& style = {});

} // namespace docnb::check
