#include "check/stdlib_checker.hpp"

#include "support/text.hpp"

#include <cctype>
#include <vector>

namespace docnb::check {

namespace {

constexpr std::string_view blankline_marker = "<BLANKLINE>";
constexpr std::string_view ellipsis_marker = "...";

// Calls `line(text)` for each line of `text` without its newline; returns the lines rejoined.
template <typename Edit> std::string each_line(std::string_view text, Edit edit) {
  std::string out;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += edit(text.substr(start, end - start));
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

// `(?m)^<BLANKLINE>\s*?$` -> "" in the want.
std::string blank_markers(std::string_view want) {
  return each_line(want, [](std::string_view line) {
    if (!line.starts_with(blankline_marker)) return std::string(line);
    const std::string_view rest = line.substr(blankline_marker.size());
    return rest.find_first_not_of(" \t\r\f\v") == std::string_view::npos ? std::string()
                                                                         : std::string(line);
  });
}

// `(?m)^[^\S\n]+$` -> "" in the got.
std::string blank_whitespace_lines(std::string_view got) {
  return each_line(got, [](std::string_view line) {
    return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos ? std::string()
                                                                         : std::string(line);
  });
}

std::string join_words(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && is_space(text[i]))
      ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i]))
      ++i;
    if (i > start) out.append(out.empty() ? "" : " ").append(text.substr(start, i - start));
  }
  return out;
}

// doctest's _strip_exception_details: the name without module path, nothing after the colon.
std::string_view exception_name(std::string_view message) {
  std::size_t end = std::min(message.find('\n'), message.size());
  end = std::min(message.substr(0, end).find(':'), end);
  const std::size_t dot = message.substr(0, end).rfind('.');
  return message.substr(dot == std::string_view::npos ? 0 : dot + 1,
                        end - (dot == std::string_view::npos ? 0 : dot + 1));
}

} // namespace

bool stdlib_ellipsis_match(std::string_view want, std::string_view got) {
  if (want.find(ellipsis_marker) == std::string_view::npos) return want == got;
  std::vector<std::string_view> pieces;
  for (std::size_t start = 0;;) {
    const std::size_t at = want.find(ellipsis_marker, start);
    pieces.push_back(want.substr(start, at == std::string_view::npos ? want.npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + ellipsis_marker.size();
  }
  std::size_t start = 0;
  std::size_t end = got.size();
  if (!got.starts_with(pieces.front()) || !got.ends_with(pieces.back())) return false;
  start = pieces.front().size();
  end -= pieces.back().size();
  if (start > end) return false;
  for (std::size_t k = 1; k + 1 < pieces.size(); ++k) {
    const std::size_t found = got.substr(0, end).find(pieces[k], start);
    if (found == std::string_view::npos) return false;
    start = found + pieces[k].size();
  }
  return true;
}

bool stdlib_output_matches(std::string_view got_text, std::string_view want_text,
                           const DoctestOptions& options) {
  std::string want(want_text);
  if (!want.empty() && want.back() != '\n') want += '\n';
  std::string got(got_text);
  if (got == want) return true;
  if (!options.dont_accept_true_for_1 &&
      ((got == "True\n" && want == "1\n") || (got == "False\n" && want == "0\n"))) {
    return true;
  }
  if (!options.dont_accept_blankline) {
    want = blank_markers(want);
    got = blank_whitespace_lines(got);
    if (got == want) return true;
  }
  if (options.normalize_whitespace) {
    got = join_words(got);
    want = join_words(want);
    if (got == want) return true;
  }
  return options.ellipsis && stdlib_ellipsis_match(want, got);
}

std::optional<std::string> stdlib_exception_message(std::string_view want) {
  std::size_t start = 0;
  bool after_header = false;
  while (start < want.size()) {
    const std::size_t end = std::min(want.find('\n', start), want.size());
    const std::string_view line = want.substr(start, end - start);
    if (!after_header) {
      const std::string header = rstrip(std::string(line));
      if (header != "Traceback (most recent call last):" &&
          header != "Traceback (innermost last):") {
        return std::nullopt; // the header must open the want
      }
      after_header = true;
    } else if (!line.empty() && (std::isalnum(static_cast<unsigned char>(line[0])) ||
                                 line[0] == '_' || static_cast<unsigned char>(line[0]) >= 0x80)) {
      return std::string(want.substr(start));
    }
    start = end + 1;
  }
  return std::nullopt;
}

bool stdlib_exception_matches(std::string_view raised, std::string_view message,
                              const DoctestOptions& options, bool raised_in_doctest_form) {
  const std::string got = std::string(raised) + "\n";
  if (stdlib_output_matches(got, message, options)) return true;
  if (raised_in_doctest_form) {
    return options.ignore_exception_detail && exception_name(raised) == exception_name(message);
  }
  const std::string_view name = message.substr(0, message.find(':'));
  if (const std::size_t dot = name.rfind('.');
      dot != std::string_view::npos && name.find_first_of(" \n") == std::string_view::npos &&
      stdlib_output_matches(got, message.substr(dot + 1), options)) {
    return true;
  }
  return options.ignore_exception_detail && exception_name(raised) == exception_name(message);
}

} // namespace docnb::check
