#include "support/terminal_escapes.hpp"

namespace docnb {

namespace {
constexpr char escape = '\x1b';
} // namespace

std::string strip_terminal_escapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != escape) {
      out += text[i];
      continue;
    }
    const char kind = i + 1 < text.size() ? text[i + 1] : '\0';
    if (kind == '[') { // CSI: parameters and intermediates, then one final byte @ to ~
      std::size_t j = i + 2;
      while (j < text.size() && text[j] >= 0x20 && text[j] <= 0x3F) {
        ++j;
      }
      if (j < text.size() && text[j] >= 0x40 && text[j] <= 0x7E) {
        i = j;
      }
      // A malformed sequence loses only its ESC, so no text is swallowed by mistake.
    } else if (kind == ']') { // OSC: up to BEL or ESC backslash
      const std::size_t bel = text.find('\a', i + 2);
      const std::size_t st = text.find("\x1b\\", i + 2);
      if (bel != std::string_view::npos && (st == std::string_view::npos || bel < st)) {
        i = bel;
      } else if (st != std::string_view::npos) {
        i = st + 1;
      }
    }
  }
  return out;
}

} // namespace docnb
