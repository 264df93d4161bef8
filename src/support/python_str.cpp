#include "support/python_str.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace docnb::python_str {

std::string strip(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_space(text[begin]))
    ++begin;
  while (end > begin && is_space(text[end - 1]))
    --end;
  return std::string(text.substr(begin, end - begin));
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      return lines;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

std::vector<std::string> splitlines(const std::string& text) {
  std::vector<std::string> lines = split(text);
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

std::string join(const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
  std::string out;
  to = std::min(to, lines.size());
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out += '\n';
    out += lines[i];
  }
  return out;
}

std::string dedent(const std::string& text) {
  std::vector<std::string> lines = split(text);
  std::optional<std::string> margin;
  for (std::string& line : lines) {
    if (strip(line).empty()) {
      line.clear();
      continue;
    }
    const std::string indent = line.substr(0, line.find_first_not_of(" \t"));
    if (!margin) {
      margin = indent;
      continue;
    }
    const auto differ = std::mismatch(margin->begin(), margin->end(), indent.begin(), indent.end());
    margin->erase(differ.first, margin->end());
  }
  if (margin && !margin->empty()) {
    for (std::string& line : lines) {
      if (!line.empty()) line.erase(0, margin->size());
    }
  }
  return join(lines);
}

} // namespace docnb::python_str
