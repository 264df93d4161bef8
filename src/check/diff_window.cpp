#include "check/diff_window.hpp"

#include "support/sha256.hpp"

#include <algorithm>

namespace docnb::check {
namespace {

// The lines of `text`, each with its '\n' when it has one: "x" and "x\n" are different lines.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find('\n', begin), text.size() - 1);
    lines.push_back(text.substr(begin, end - begin + 1));
    begin = end + 1;
  }
  return lines;
}

// A line as the diff shows it: without its '\n' (or marked as lacking one), cut when long.
std::string shown(std::string_view line) {
  const bool eol = line.ends_with('\n');
  if (eol) line.remove_suffix(1);
  std::string text;
  if (line.size() > max_shown_line_bytes) {
    text = std::string(line.substr(0, max_shown_line_bytes)) + "... [" +
           std::to_string(line.size()) + " bytes, sha256 " + sha256_hex(line).substr(0, 12) + "]";
  } else {
    text = line;
  }
  return eol ? text : text + std::string(no_eol);
}

std::vector<std::string> shown_lines(const std::vector<std::string_view>& lines, std::size_t begin,
                                     std::size_t end) {
  std::vector<std::string> out;
  out.reserve(end - begin);
  for (std::size_t k = begin; k < end; ++k)
    out.push_back(shown(lines[k]));
  return out;
}

} // namespace

DiffWindow diff_window(std::string_view stored, std::string_view got, std::size_t context) {
  const std::vector<std::string_view> a = lines_of(stored);
  const std::vector<std::string_view> b = lines_of(got);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
    ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  DiffWindow window;
  window.skipped = prefix - std::min(prefix, context);
  const std::size_t middle_a = a.size() - prefix - suffix;
  const std::size_t middle_b = b.size() - prefix - suffix;
  const bool cut = middle_a > max_window_lines || middle_b > max_window_lines;
  // After a cut nothing is common: the lines past it are simply not compared.
  const std::size_t after = cut ? 0 : std::min(suffix, context);
  const std::size_t end_a = prefix + std::min(middle_a, max_window_lines) + after;
  const std::size_t end_b = prefix + std::min(middle_b, max_window_lines) + after;
  window.stored = shown_lines(a, window.skipped, end_a);
  window.got = shown_lines(b, window.skipped, end_b);
  if (cut) {
    window.note = "... the diff stops here: " + std::to_string(a.size() - end_a) +
                  " more stored lines and " + std::to_string(b.size() - end_b) +
                  " more new ones are not compared\n";
  }
  return window;
}

} // namespace docnb::check
