#include "support/line_edits.hpp"

#include <algorithm>

namespace docnb {
namespace {

// Each line with its ending, so that joining them gives back the original exactly.
std::vector<std::string_view> split_keeping_endings(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, stop - start));
    start = stop;
  }
  return lines;
}

std::string rendered(const LineEdit& edit, std::string_view newline) {
  std::string out;
  std::string_view text = edit.text;
  if (text.ends_with('\n')) text.remove_suffix(1);
  if (edit.text.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!line.empty()) out += edit.indent;
    out += line;
    out += newline;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

} // namespace

Result<std::string> apply_line_edits(std::string_view original, std::vector<LineEdit> edits) {
  const std::vector<std::string_view> lines = split_keeping_endings(original);
  const std::string_view newline =
      !lines.empty() && lines.front().ends_with("\r\n") ? "\r\n" : "\n";
  std::sort(edits.begin(), edits.end(),
            [](const LineEdit& a, const LineEdit& b) { return a.first < b.first; });
  std::string out;
  out.reserve(original.size());
  std::size_t next = 1; // the first line not yet copied
  for (const LineEdit& edit : edits) {
    if (edit.first < next || edit.first == 0 || edit.last + 1 < edit.first ||
        edit.last > lines.size()) {
      return Error{"cannot rewrite lines " + std::to_string(edit.first) + "-" +
                       std::to_string(edit.last) + " (overlapping or outside the text)",
                   "line " + std::to_string(edit.first)};
    }
    for (; next < edit.first; ++next)
      out += lines[next - 1];
    // An inserted block after a last line without a newline needs one to start on its own line.
    if (edit.first > lines.size() && !out.empty() && !out.ends_with('\n') && !edit.text.empty())
      out += newline;
    out += rendered(edit, newline);
    next = edit.last + 1;
  }
  for (; next <= lines.size(); ++next)
    out += lines[next - 1];
  return out;
}

} // namespace docnb
