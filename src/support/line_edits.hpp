// Replacing whole lines of a text source, leaving every other byte as it was: the core of
// writing fresh outputs back into Markdown, reStructuredText and docstrings, where a want is a
// run of lines and everything around it must round-trip byte for byte.
#pragma once

#include "support/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

// Lines [first, last] (1-based) become the lines of `text`, each prefixed by `indent` (blank
// lines stay empty, so no trailing whitespace appears). `last == first - 1` inserts before line
// `first` (after the last line when `first` is one past it); empty `text` deletes the lines.
struct LineEdit {
  std::size_t first = 1;
  std::size_t last = 0;
  std::string text;   // the new lines, '\n'-separated; a final '\n' is optional
  std::string indent; // the block's indentation, as written in the source
};

// Applies `edits` (in any order; they may not overlap) to `original`. New lines take the line
// ending the source uses ("\r\n" when its first line ends so). An edit outside the text is an
// error naming the line.
[[nodiscard]] Result<std::string> apply_line_edits(std::string_view original,
                                                   std::vector<LineEdit> edits);

} // namespace docnb
