// How deep JSON text nests, measured before it is parsed.
//
// nlohmann's values copy, compare and print themselves recursively, one stack frame per level,
// so text nested deeper than a thread's stack allows must be refused while it is still text:
// a hostile notebook or kernel message is then an error, not a stack overflow.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace docnb {

// The deepest nesting docnb reads. nbformat (its recursive schema validation) cannot read a
// notebook nested deeper than about 500 levels either, and Python's json module stops near
// 1000, so no notebook or message Jupyter can use is refused.
inline constexpr std::size_t max_json_depth = 500;

// The offset of the first `[` or `{` in the JSON `text` that opens a level deeper than
// `limit` (the top-level array or object is level 1), or nothing. Brackets inside strings do
// not count; the text need not be valid JSON.
[[nodiscard]] std::optional<std::size_t> find_nesting_beyond(std::string_view text,
                                                             std::size_t limit);

} // namespace docnb
