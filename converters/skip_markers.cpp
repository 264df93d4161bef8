#include "converters/skip_markers.hpp"

#include <utility>

namespace docnb::converters {

void SkipMarkers::note(const MarkerSeen& seen, int line) {
  switch (seen.marker) {
  case Marker::skip_next:
    next_ = seen.spelling;
    next_line_ = line;
    break;
  case Marker::skip_start:
    range_ = seen.spelling;
    break;
  case Marker::skip_end:
    range_.reset();
    break;
  default:
    break;
  }
}

std::optional<std::string> SkipMarkers::take() {
  std::optional<std::string> skip = std::exchange(next_, std::nullopt);
  return skip ? skip : range_;
}

std::optional<std::string> SkipMarkers::dangling(const std::string& path) const {
  if (!next_) return std::nullopt;
  return path + ":" + std::to_string(next_line_) + ": " + *next_ + " is not followed by code";
}

std::optional<std::string> misspelt_marker(const MarkerSeen& seen, const std::string& path,
                                           int line) {
  if (!seen.typo_of) return std::nullopt;
  return path + ":" + std::to_string(line) + ": unknown marker " + seen.spelling +
         "; did you mean " + *seen.typo_of + "?";
}

} // namespace docnb::converters
