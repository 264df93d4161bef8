// jupytext percent scripts as notebooks: a line `# %%` (or `#%%`) starts a cell; what
// follows the marker on that line is an optional title, an optional cell type
// (`[markdown]`, `[md]`, `[raw]`) and metadata, either `key=value` pairs with JSON values
// (`tags=["hide"]`) or one JSON object, as jupytext writes them. Markdown and raw cells are
// comment lines with the `# ` removed. A jupytext header (`# ---` ... `# ---`) at the top is
// not a cell; code before the first marker is. Code cells carry the title in metadata
// "title"; "line"/"last_line" are the first and last non-blank lines of the cell's code.
#pragma once

#include "converters/source.hpp"

#include <string>
#include <string_view>

namespace docnb::converters {

// A percent script has a line that starts with `# %%` or `#%%`.
[[nodiscard]] bool is_percent_script(std::string_view text);

[[nodiscard]] Result<Converted> read_percent(std::string_view bytes, const std::string& path);

// Shared with gallery scripts: a comment line without its `#` and the space after it.
[[nodiscard]] std::string uncomment(std::string_view line);

} // namespace docnb::converters
