// The closest of a few known spellings to a name someone typed, for "did you mean" hints.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace docnb {

// Edit distance (insertions, deletions, substitutions, swaps of neighbours), case-insensitive.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The known name closest to `typed`, when it is close enough to be a plausible typo
// (at most a third of its length, and at least 1, edits away).
[[nodiscard]] std::optional<std::string> nearest_name(std::string_view typed,
                                                      std::span<const std::string_view> known);

} // namespace docnb
