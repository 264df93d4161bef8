// sphinx-gallery scripts as notebooks. The module docstring is the first markdown cell; a
// line `# %%` or a line of 20 or more `#` starts a text block, the comment lines right
// after it (their `# ` removed) become a markdown cell, and the code between text blocks
// becomes code cells. Text stays reStructuredText, as sphinx-gallery writes it; "line" and
// "last_line" are the first and last non-blank lines of each code cell.
#pragma once

#include "converters/source.hpp"

#include <string>
#include <string_view>

namespace docnb::converters {

[[nodiscard]] Result<Converted> read_gallery(std::string_view bytes, const std::string& path);

} // namespace docnb::converters
