#include "converters/google_sections.hpp"

#include "support/python_str.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace docnb::converters {

using docnb::is_space;
using python_str::dedent;
using python_str::join;
using python_str::split;
using python_str::strip;

std::vector<GoogleBlock> split_google_blocks(const std::string& docstring) {
  static const std::map<std::string, std::string, std::less<>> aliases = [] {
    const std::vector<std::vector<std::string>> groups{
        {"Args", "Arguments", "Parameters", "Other Parameters"},
        {"Kwargs", "Keyword Args", "Keyword Arguments"},
        {"Warns", "Warning", "Warnings"},
        {"Returns", "Return"},
        {"Example", "Examples"},
        {"Doctest"},
        {"Note", "Notes"},
        {"Yields", "Yield"},
        {"Attributes"},
        {"Methods"},
        {"Raises"},
        {"References"},
        {"See Also"},
        {"Todo"}};
    std::map<std::string, std::string, std::less<>> map;
    for (const auto& group : groups) {
      for (const auto& tag : group)
        map.emplace(tag, group.front());
    }
    return map;
  }();
  // `^(tag) *::? *$`
  auto is_tag = [](const std::string& line) {
    for (const auto& [tag, canonical] : aliases) {
      if (!line.starts_with(tag)) continue;
      size_t i = tag.size();
      while (i < line.size() && line[i] == ' ')
        ++i;
      if (i >= line.size() || line[i] != ':') continue;
      ++i;
      if (i < line.size() && line[i] == ':') ++i;
      while (i < line.size() && line[i] == ' ')
        ++i;
      if (i == line.size()) return true;
    }
    return false;
  };
  auto indent_of_any = [](const std::string& line) {
    size_t n = 0;
    while (n < line.size() && is_space(line[n]))
      ++n;
    return static_cast<int>(n);
  };

  auto lines = split(dedent(docstring));
  std::vector<int> indent;
  std::vector<size_t> len;
  for (const auto& line : lines) {
    indent.push_back(indent_of_any(line));
    len.push_back(line.size());
  }
  // A first line right after the quotes gets the indentation of the lines below it.
  if (lines.size() >= 2 && len[0] != 0) {
    std::vector<int> nonzero;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (len[i] > 0) nonzero.push_back(indent[i]);
    }
    if (nonzero.size() >= 2) {
      const int adjust = *std::min_element(nonzero.begin() + 1, nonzero.end());
      lines[0] = std::string(static_cast<size_t>(adjust), ' ') + lines[0];
      lines = split(dedent(join(lines)));
      indent.clear();
      len.clear();
      for (const auto& line : lines) {
        indent.push_back(indent_of_any(line));
        len.push_back(line.size());
      }
    }
  }
  // Empty lines take their parent's indentation.
  std::vector<int> true_indent;
  std::optional<int> prev;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int value = len[i] == 0 ? prev.value_or(-1) : indent[i];
    true_indent.push_back(value);
    prev = value;
  }
  std::vector<int> group_of;
  int group = 0;
  int prev_indent = 0;
  bool in_tag = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (is_tag(lines[i])) {
      if (i + 1 < lines.size()) {
        if (true_indent[i + 1] > 0 || len[i + 1] == 0 || is_tag(lines[i + 1])) {
          ++group;
          in_tag = true;
        }
      } else {
        ++group;
        in_tag = true;
      }
    } else if (in_tag && true_indent[i] != prev_indent && true_indent[i] == 0) {
      ++group;
      in_tag = false;
    }
    group_of.push_back(group);
    prev_indent = true_indent[i];
  }
  std::vector<GoogleBlock> blocks;
  int offset = 0;
  size_t i = 0;
  while (i < lines.size()) {
    size_t j = i;
    while (j < lines.size() && group_of[j] == group_of[i])
      ++j;
    const std::vector<std::string> members(lines.begin() + static_cast<long>(i),
                                           lines.begin() + static_cast<long>(j));
    if (members.size() == 1 && members[0].empty()) {
      offset += 1;
    } else if (is_tag(members[0])) {
      std::string key = strip(members[0]);
      while (!key.empty() && key.back() == ':')
        key.pop_back();
      const auto alias = aliases.find(key);
      if (alias != aliases.end()) key = alias->second;
      blocks.push_back({key, dedent(join(members, 1)), offset});
      offset += static_cast<int>(members.size());
    } else {
      blocks.push_back({"__DOC__", join(members), offset});
      offset += static_cast<int>(members.size());
    }
    i = j;
  }
  return blocks;
}

} // namespace docnb::converters
