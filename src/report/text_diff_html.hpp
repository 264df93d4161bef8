// Expected and got text side by side, line against line, with the characters that changed
// marked: what a reader of a failing example looks at first.
#pragma once

#include <string>
#include <string_view>

namespace docnb {

// A <table class="diff"> with one row per line pair: rows are "same", "changed" (both sides,
// changed characters in <mark>), "removed" (expected only) or "added" (got only). Terminal
// colours in either text are rendered (ansi_html.hpp); the diff is of the text without them.
[[nodiscard]] std::string text_diff_html(std::string_view expected, std::string_view got);

} // namespace docnb
