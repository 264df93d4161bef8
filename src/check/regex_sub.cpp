#include "check/regex_sub.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <cctype>
#include <cstdint>
#include <pcre2.h>

namespace docnb::check {

struct RegexSub::Code {
  pcre2_code* code = nullptr;
  explicit Code(pcre2_code* c) : code(c) {}
  Code(const Code&) = delete;
  Code& operator=(const Code&) = delete;
  ~Code() { pcre2_code_free(code); }
};

namespace {

using Piece = std::variant<std::string, unsigned>;

std::string pcre2_message(int code) {
  PCRE2_UCHAR buffer[256];
  pcre2_get_error_message(code, buffer, sizeof buffer);
  return reinterpret_cast<const char*>(buffer);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_octal(char c) {
  return c >= '0' && c <= '7';
}

// Rewrites the few spellings where Python's `re` and PCRE2 disagree: `\Z` is PCRE2's `\z`,
// `\UXXXXXXXX` becomes `\x{XXXXXXXX}`, and `{,n}` (PCRE2 10.42 reads it literally) is
// `{0,n}`. Everything else is the same language.
std::string translate_pattern(std::string_view p) {
  std::string out;
  out.reserve(p.size() + 8);
  bool in_class = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      const char e = p[i + 1];
      if (e == 'Z' && !in_class) {
        out += "\\z";
      } else if (e == 'U' && i + 10 <= p.size()) {
        out += "\\x{";
        out.append(p.substr(i + 2, 8));
        out += '}';
        i += 8;
      } else {
        out += c;
        out += e;
      }
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') {
        in_class = false;
      }
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      // A ']' first in a class (after an optional '^') is a literal.
      if (i + 1 < p.size() && p[i + 1] == '^') {
        out += p[++i];
      }
      if (i + 1 < p.size() && p[i + 1] == ']') {
        out += p[++i];
      }
      continue;
    }
    if (c == '{' && i + 1 < p.size() && p[i + 1] == ',') {
      std::size_t j = i + 2;
      while (j < p.size() && is_digit(p[j])) {
        ++j;
      }
      if (j > i + 2 && j < p.size() && p[j] == '}') {
        out += "{0";
        continue;
      }
    }
    out += c;
  }
  return out;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Parses a replacement by Python's template rules (re._parser.parse_template): group
// references checked against `code`, escapes resolved to literal text.
Result<std::vector<Piece>> parse_template(std::string_view replacement, const pcre2_code* code) {
  std::vector<Piece> pieces;
  std::uint32_t group_count = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &group_count);
  auto bad = [&](const std::string& what) -> Error {
    return Error{"bad replacement '" + std::string(replacement) + "': " + what, ""};
  };
  auto add_literal = [&](std::string_view text) {
    if (pieces.empty() || !std::holds_alternative<std::string>(pieces.back())) {
      pieces.emplace_back(std::string());
    }
    std::get<std::string>(pieces.back()).append(text);
  };
  auto add_group = [&](unsigned n) -> bool {
    if (n > group_count) {
      return false;
    }
    pieces.emplace_back(n);
    return true;
  };

  // Python's template rules (re._parser.parse_template).
  const std::string_view r = replacement;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r[i] != '\\') {
      add_literal(r.substr(i, 1));
      continue;
    }
    if (i + 1 >= r.size()) {
      return bad("bad escape (end of pattern)");
    }
    const char c = r[++i];
    if (c == 'g') {
      if (i + 1 >= r.size() || r[i + 1] != '<') {
        return bad("missing <");
      }
      const std::size_t close = r.find('>', i + 2);
      if (close == std::string_view::npos) {
        return bad("missing >, unterminated name");
      }
      const std::string name(r.substr(i + 2, close - i - 2));
      if (name.empty()) {
        return bad("missing group name");
      }
      i = close;
      bool numeric = name.size() <= 4; // more digits than any group count
      for (char d : name) {
        numeric = numeric && is_digit(d);
      }
      unsigned number = 0;
      if (numeric) {
        number = static_cast<unsigned>(std::stoul(name));
      } else {
        const int found =
            pcre2_substring_number_from_name(code, reinterpret_cast<PCRE2_SPTR>(name.c_str()));
        if (found < 0) {
          return bad("unknown group name '" + name + "'");
        }
        number = static_cast<unsigned>(found);
      }
      if (!add_group(number)) {
        return bad("invalid group reference " + name);
      }
    } else if (c == '0') {
      unsigned value = 0;
      for (int k = 0; k < 2 && i + 1 < r.size() && is_octal(r[i + 1]); ++k) {
        value = value * 8 + static_cast<unsigned>(r[++i] - '0');
      }
      std::string character;
      append_utf8(character, value);
      add_literal(character);
    } else if (is_digit(c)) {
      std::string digits(1, c);
      if (i + 1 < r.size() && is_digit(r[i + 1])) {
        digits += r[++i];
      }
      if (digits.size() == 2 && is_octal(digits[0]) && is_octal(digits[1]) && i + 1 < r.size() &&
          is_octal(r[i + 1])) {
        digits += r[++i];
        const auto value = static_cast<unsigned>(std::stoul(digits, nullptr, 8));
        if (value > 0377) {
          return bad("octal escape value \\" + digits + " outside of range 0-0o377");
        }
        std::string character;
        append_utf8(character, value);
        add_literal(character);
      } else if (!add_group(static_cast<unsigned>(std::stoul(digits)))) {
        return bad("invalid group reference " + digits);
      }
    } else {
      switch (c) {
      case 'a':
        add_literal("\a");
        break;
      case 'b':
        add_literal("\b");
        break;
      case 'f':
        add_literal("\f");
        break;
      case 'n':
        add_literal("\n");
        break;
      case 'r':
        add_literal("\r");
        break;
      case 't':
        add_literal("\t");
        break;
      case 'v':
        add_literal("\v");
        break;
      case '\\':
        add_literal("\\");
        break;
      default:
        if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
          return bad(std::string("bad escape \\") + c);
        }
        // Python keeps an unknown non-letter escape as written, backslash included.
        add_literal(r.substr(i - 1, 2));
      }
    }
  }
  return pieces;
}

} // namespace

Result<RegexSub> RegexSub::compile(std::string_view pattern, std::string_view replacement) {
  const std::string translated = translate_pattern(pattern);
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  // Python str patterns: Unicode classes, '.' stops only at '\n', '^' under (?m) also
  // matches after a final newline, \uXXXX and \x{...} escapes.
  pcre2_set_newline(context, PCRE2_NEWLINE_LF);
  pcre2_set_compile_extra_options(context, PCRE2_EXTRA_ALT_BSUX);
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* raw =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated.data()), translated.size(),
                    PCRE2_UTF | PCRE2_UCP | PCRE2_ALT_CIRCUMFLEX | PCRE2_ALT_BSUX, &error_code,
                    &error_offset, context);
  pcre2_compile_context_free(context);
  if (raw == nullptr) {
    return Error{"bad regex '" + std::string(pattern) + "': " + pcre2_message(error_code) +
                     " at offset " + std::to_string(error_offset),
                 ""};
  }
  RegexSub sub;
  sub.pattern_ = pattern;
  sub.replacement_ = replacement;
  sub.code_ = std::make_shared<const Code>(raw);

  Result<std::vector<Piece>> pieces = parse_template(replacement, raw);
  if (!pieces) {
    return pieces.error();
  }
  sub.pieces_ = std::move(pieces).value();
  return sub;
}

Result<std::string> RegexSub::apply(std::string_view text) const {
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(code_->code, nullptr);
  std::string out;
  std::size_t copied = 0; // text before this offset is already in `out`
  std::size_t start = 0;
  bool last_was_empty = false;
  while (start <= text.size()) {
    // After an empty match, Python (and this loop) first tries a non-empty match at the same
    // place, then moves one character on; after a non-empty match an empty one may follow.
    const uint32_t options = last_was_empty ? (PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED) : 0;
    const int rc = pcre2_match(code_->code, subject, text.size(), start, options, data, nullptr);
    if (rc == PCRE2_ERROR_NOMATCH) {
      if (!last_was_empty) {
        break;
      }
      if (start >= text.size()) {
        break;
      }
      // Step over one UTF-8 character.
      std::size_t next = start + 1;
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) {
        ++next;
      }
      start = next;
      last_was_empty = false;
      continue;
    }
    if (rc < 0) {
      pcre2_match_data_free(data);
      return Error{"regex '" + pattern_ + "' failed: " + pcre2_message(rc), ""};
    }
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
    const std::size_t match_start = ovector[0];
    const std::size_t match_end = ovector[1];
    out.append(text.substr(copied, match_start - copied));
    for (const Piece& piece : pieces_) {
      if (const auto* literal = std::get_if<std::string>(&piece)) {
        out += *literal;
        continue;
      }
      const unsigned group = std::get<unsigned>(piece);
      // Groups that did not take part in the match substitute as "" (Python 3.5+).
      if (group < static_cast<unsigned>(rc) && ovector[2 * group] != PCRE2_UNSET) {
        out.append(text.substr(ovector[2 * group], ovector[2 * group + 1] - ovector[2 * group]));
      }
    }
    copied = match_end;
    last_was_empty = match_start == match_end;
    start = match_end;
  }
  pcre2_match_data_free(data);
  out.append(text.substr(copied));
  return out;
}

} // namespace docnb::check
