#include "report/html_escape.hpp"

#include <array>
#include <cctype>

namespace docnb {

std::string_view markup_reference(char c) {
  switch (c) {
  case '&':
    return "&amp;";
  case '<':
    return "&lt;";
  case '>':
    return "&gt;";
  case '"':
    return "&quot;";
  case '\'':
    return "&#39;";
  default:
    return {};
  }
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (const std::string_view reference = markup_reference(c); !reference.empty()) {
      out += reference;
      continue;
    }
    const bool layout = c == '\t' || c == '\n' || c == '\r';
    if ((byte < 0x20 && !layout) || byte == 0x7f) {
      // U+2400 + byte (U+2421 for DEL) in UTF-8: E2 90 80+.
      const unsigned picture = byte == 0x7f ? 0x21 : byte;
      out += '\xe2';
      out += '\x90';
      out += static_cast<char>(0x80 + picture);
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_encode_path(std::string_view path) {
  constexpr std::string_view digits = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += '%';
      out += digits[byte >> 4];
      out += digits[byte & 0xF];
    }
  }
  return out;
}

bool is_web_url(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

} // namespace docnb
