// What the skip markers of a page ask of the code after them, the same in Markdown and rst:
// a "skip next" marker skips the next runnable block (all its `>>>` parts), a "skip start"
// marker every one up to the next "skip end"; each skipped block reports the marker as
// written ("<!-- skip: next -->", ".. docnb: skip") as the reason.
#pragma once

#include "converters/markdown_markers.hpp"

#include <optional>
#include <string>

namespace docnb::converters {

class SkipMarkers {
public:
  // A marker met on `line`; other markers are not this class's business.
  void note(const MarkerSeen& seen, int line);
  // The skip of the next runnable block, consuming a "skip next" marker; nullopt: it runs.
  [[nodiscard]] std::optional<std::string> take();
  // At the page's end: "path:line: MARKER is not followed by code" for a "skip next" marker
  // left over, as a warning.
  [[nodiscard]] std::optional<std::string> dangling(const std::string& path) const;

private:
  std::optional<std::string> next_;
  int next_line_ = 0;
  std::optional<std::string> range_;
};

// "path:line: unknown marker X; did you mean Y?" for a misspelt marker; nullopt otherwise.
[[nodiscard]] std::optional<std::string> misspelt_marker(const MarkerSeen& seen,
                                                         const std::string& path, int line);

} // namespace docnb::converters
