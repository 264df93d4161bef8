#include "check/want.hpp"

#include "check/float_tolerance.hpp"
#include "support/terminal_escapes.hpp"
#include "support/text.hpp"

#include <cctype>
#include <vector>

namespace docnb::check {

namespace {

constexpr std::string_view blankline_marker = "<BLANKLINE>";
constexpr std::string_view ellipsis_marker = "...";

bool is_word_byte(char c) {
  // Bytes of multi-byte UTF-8 sequences count as word characters: they are letters far more
  // often than punctuation, and Python's \w is Unicode-aware.
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// xdoctest's `(\W|^)[uU]([rR]?['"])` -> `\1\2`, and the same for b''.
std::string remove_literal_prefixes(std::string_view text, char lower) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool prefix = std::tolower(static_cast<unsigned char>(c)) == lower &&
                        (i == 0 || !is_word_byte(text[i - 1]));
    if (prefix) {
      std::size_t next = i + 1;
      if (next < text.size() && (text[next] == 'r' || text[next] == 'R')) ++next;
      if (next < text.size() && (text[next] == '\'' || text[next] == '"')) continue;
    }
    out += c;
  }
  return out;
}

std::string remove_blankline_markers(std::string_view text) {
  std::string out;
  for (std::size_t at = text.find(blankline_marker); at != std::string_view::npos;
       at = text.find(blankline_marker)) {
    out.append(text.substr(0, at));
    text.remove_prefix(at + blankline_marker.size());
  }
  out.append(text);
  return out;
}

// Trailing blanks and tabs of every line, then trailing whitespace of the whole text.
std::string remove_trailing_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    const std::size_t last = line.find_last_not_of(" \t");
    out.append(line.substr(0, last == std::string_view::npos ? 0 : last + 1));
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return rstrip(std::move(out));
}

// Lines as Python's splitlines(keepends=True) cuts them at \n, \r\n and a lone \r; a line that
// ends in a lone \r was overwritten on a terminal, so it is dropped.
std::string drop_overwritten_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      out.append(text.substr(start, i + 1 - start));
      start = i + 1;
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        out.append(text.substr(start, i + 2 - start));
        ++i;
      }
      start = i + 1;
    }
  }
  out.append(text.substr(start));
  return out;
}

std::string join_words(std::string_view text, std::string_view separator) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i]))
      ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i]))
      ++i;
    if (i > start) {
      if (!out.empty()) out.append(separator);
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

// The whitespace around every `...` of the want, which the ellipsis absorbs.
std::vector<std::string_view> ellipsis_pieces(std::string_view want) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t at = want.find(ellipsis_marker); at != std::string_view::npos;
       at = want.find(ellipsis_marker, start)) {
    std::size_t end = at;
    while (end > start && is_space(want[end - 1]))
      --end;
    pieces.push_back(want.substr(start, end - start));
    start = at + ellipsis_marker.size();
    while (start < want.size() && is_space(want[start]))
      ++start;
  }
  pieces.push_back(want.substr(start));
  return pieces;
}

// Standard doctest's worst-case linear ellipsis match.
bool ellipsis_match(std::string_view got, std::string_view want) {
  if (want.find(ellipsis_marker) == std::string_view::npos) return got == want;
  std::vector<std::string_view> pieces = ellipsis_pieces(want);
  std::size_t start = 0;
  std::size_t end = got.size();
  if (!pieces.front().empty()) {
    if (!got.starts_with(pieces.front())) return false;
    start = pieces.front().size();
  }
  pieces.erase(pieces.begin());
  if (!pieces.back().empty()) {
    if (!got.ends_with(pieces.back())) return false;
    end -= pieces.back().size();
  }
  pieces.pop_back();
  if (start > end) return false;
  for (const std::string_view piece : pieces) {
    const std::size_t found = got.substr(0, end).find(piece, start);
    if (found == std::string_view::npos) return false;
    start = found + piece.size();
  }
  return true;
}

bool check_match(std::string_view got, std::string_view want, const DoctestOptions& options) {
  if (got == want) return true;
  if (options.ellipsis && ellipsis_match(got, want)) return true;
  return options.float_cmp && matches_with_tolerance(want, got, FloatTolerance{});
}

// If dropping the quotes around `a` makes it match `b`, the quotes go.
std::string normalise_repr(std::string a, std::string_view b, const DoctestOptions& options) {
  if (check_match(a, b, options) || a.size() < 2) return a;
  for (const char quote : {'"', '\''}) {
    if (a.front() == quote && a.back() == quote) {
      std::string inner = a.substr(1, a.size() - 2);
      if (check_match(inner, b, options)) return inner;
    }
  }
  return a;
}

std::string dedent(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::size_t margin = std::string_view::npos;
  for (const std::string_view line : lines) {
    const std::size_t indent = line.find_first_not_of(" \t");
    if (indent != std::string_view::npos) margin = std::min(margin, indent);
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (i > 0) out += '\n';
    if (line.find_first_not_of(" \t") != std::string_view::npos) out.append(line.substr(margin));
  }
  return out;
}

// Standard doctest's IGNORE_EXCEPTION_DETAIL: the exception's name without its module path.
std::string_view bare_exception_name(std::string_view message) {
  std::size_t end = std::min(message.find('\n'), message.size());
  end = std::min(message.find(':'), end);
  const std::string_view name = message.substr(0, end);
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

// "torch.jit.Error: x" -> "Error: x": kernels report only the class name.
std::string without_module_path(std::string_view message) {
  const std::size_t colon = std::min(message.find(':'), message.size());
  const std::size_t dot = message.substr(0, colon).rfind('.');
  if (dot == std::string_view::npos) return std::string(message);
  return std::string(message.substr(dot + 1));
}

} // namespace

Normalised normalise(std::string_view got_text, std::string_view want_text,
                     const DoctestOptions& options) {
  std::string got = strip_terminal_escapes(got_text);
  std::string want = strip_terminal_escapes(want_text);
  got = remove_literal_prefixes(remove_literal_prefixes(got, 'u'), 'b');
  want = remove_literal_prefixes(remove_literal_prefixes(want, 'u'), 'b');
  if (!options.dont_accept_blankline) want = remove_blankline_markers(want);
  got = drop_overwritten_lines(remove_trailing_whitespace(got));
  want = drop_overwritten_lines(remove_trailing_whitespace(want));
  if (options.normalize_whitespace || options.ignore_whitespace) {
    got = join_words(got, " ");
    want = join_words(want, " ");
  }
  if (options.ignore_whitespace) {
    got = join_words(got, "");
    want = join_words(want, "");
  }
  if (options.normalize_repr) {
    got = normalise_repr(std::move(got), want, options);
    want = normalise_repr(std::move(want), got, options);
  }
  return {std::move(got), std::move(want)};
}

bool output_matches(std::string_view got, std::string_view want, const DoctestOptions& options) {
  if (want.empty() || got == want) return true;
  const Normalised normalised = normalise(got, want, options);
  return check_match(normalised.got, normalised.want, options);
}

std::optional<std::string> exception_want(std::string_view want) {
  std::string text = dedent(want);
  const std::size_t first = text.find_first_not_of('\n');
  if (first == std::string::npos) return std::nullopt;
  text = text.substr(first, text.find_last_not_of('\n') - first + 1);
  bool after_header = false;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = std::string_view(text).substr(start, end - start);
    if (!after_header) {
      const std::size_t last = line.find_last_not_of(" \t\r");
      const std::string_view header = line.substr(0, last == std::string_view::npos ? 0 : last + 1);
      after_header =
          header == "Traceback (most recent call last):" || header == "Traceback (innermost last):";
    } else if (!line.empty() && is_word_byte(line.front())) {
      return text.substr(start);
    }
    start = end + 1;
  }
  return std::nullopt;
}

bool exception_matches(std::string_view raised, std::string_view want,
                       const DoctestOptions& options, bool qualified) {
  const std::optional<std::string> expected = exception_want(want);
  if (!expected) return false;
  if (output_matches(raised, *expected, options) ||
      (!qualified && output_matches(raised, without_module_path(*expected), options))) {
    return true;
  }
  return options.ignore_exception_detail &&
         output_matches(bare_exception_name(raised), bare_exception_name(*expected), options);
}

} // namespace docnb::check
