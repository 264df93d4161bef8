#include "support/text.hpp"

#include <algorithm>

namespace docnb {

bool is_space(char c) {
  return python_whitespace.find(c) != std::string_view::npos;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), is_space);
}

std::string_view trim(std::string_view text, std::string_view chars) {
  const std::size_t first = text.find_first_not_of(chars);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(chars) - first + 1);
}

std::string rstrip(std::string text, std::string_view chars) {
  const std::size_t last = text.find_last_not_of(chars);
  text.erase(last == std::string::npos ? 0 : last + 1);
  return text;
}

} // namespace docnb
