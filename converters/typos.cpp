#include "converters/typos.hpp"

#include "support/nearest_name.hpp"

#include <algorithm>
#include <cctype>

namespace docnb::converters {

std::optional<std::string>
nearest_name(std::string_view word, const std::vector<std::string>& candidates, int max_distance) {
  std::optional<std::string> best;
  int best_distance = max_distance + 1;
  for (const std::string& candidate : candidates) {
    const int distance = static_cast<int>(edit_distance(word, candidate));
    if (distance == 0) return std::nullopt;
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

} // namespace docnb::converters
