#include "converters/want_lines.hpp"

#include "converters/text_source.hpp"

namespace docnb::converters {

std::string want_text(std::string printed) {
  while (!printed.empty() && (printed.back() == '\n' || printed.back() == '\r' ||
                              printed.back() == ' ' || printed.back() == '\t')) {
    printed.pop_back();
  }
  return printed;
}

std::vector<std::string> split_text(const std::string& text) {
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string pycon_text(const std::string& body) {
  std::string out;
  for (const std::string& line : split_text(body))
    out += (is_blank(line) ? std::string("<BLANKLINE>") : line) + "\n";
  return out;
}

std::string prompt_indent(const std::string& line) {
  const std::size_t at = line.find(">>>");
  return at == std::string::npos ? std::string() : line.substr(0, at);
}

std::optional<std::string> unwritable_want(const std::string& body) {
  for (const std::string& line : split_text(body)) {
    const std::string_view text = trim(line);
    if (text == ">>>" || text.starts_with(">>> ")) {
      return "the output has a line that starts with >>>, which would read as a new statement";
    }
  }
  return std::nullopt;
}

} // namespace docnb::converters
