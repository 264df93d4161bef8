// Stream outputs merged the way nbval merges them before comparing.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace docnb::check {

using Json = nlohmann::json;

// A value that nbformat may store as one string or as a list of lines, as one string.
[[nodiscard]] std::string joined_text(const Json& value);

// `outputs` with every stream output merged (one copy of each stream's text, grown in place) into
// the first one of the same name (so how the kernel flushed, and how stdout and stderr interleaved,
// does not matter), and in each merged text everything up to the last '\r' of a line removed when
// that '\r' is followed by more text on the line: a progress bar's final state. Backspaces are
// kept: nbval's backspace pass never runs (its loop condition is false on entry), so they still
// count.
[[nodiscard]] Json coalesce_streams(const Json& outputs);

// The '\r' rule alone (nbval's `^.*\r(?=[^\n])` under MULTILINE).
[[nodiscard]] std::string apply_carriage_returns(std::string_view text);
// The same, rewriting `text` itself: no second copy of a long stream.
void apply_carriage_returns_in_place(std::string& text);

} // namespace docnb::check
