// The closest of a few known spellings to a name someone typed, for "did you mean" hints.
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace docnb {

// Edit distance (insertions, deletions, substitutions, swaps of neighbours), case-insensitive.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The known name closest to `typed`, when it is close enough to be a plausible typo: at most
// `max_distance` edits away (by default a third of its length, and at least 1), and not equal
// to it (a name typed right needs no hint).
template <class Names>
[[nodiscard]] std::optional<std::string>
nearest_name(std::string_view typed, const Names& known,
             std::optional<std::size_t> max_distance = std::nullopt) {
  std::optional<std::string> best;
  std::size_t best_distance = max_distance.value_or(std::max<std::size_t>(1, typed.size() / 3)) + 1;
  for (const auto& name : known) {
    const std::size_t distance = edit_distance(typed, name);
    if (distance == 0) return std::nullopt;
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(name);
    }
  }
  return best;
}

} // namespace docnb
