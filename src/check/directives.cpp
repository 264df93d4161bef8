#include "check/directives.hpp"

#include "support/nearest_name.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace docnb::check {

namespace {

constexpr std::array<std::string_view, 4> prefixes = {"xdoctest", "doctest", "xdoc", "doc"};

// xdoctest's names, stdlib doctest's reporting flags (accepted, no effect here), and the two
// docnb adds (FLOAT_CMP, TIMEOUT).
constexpr std::array<std::string_view, 17> known_directives = {"SKIP",
                                                               "IGNORE_WANT",
                                                               "REQUIRES",
                                                               "ELLIPSIS",
                                                               "NORMALIZE_WHITESPACE",
                                                               "IGNORE_WHITESPACE",
                                                               "IGNORE_EXCEPTION_DETAIL",
                                                               "NORMALIZE_REPR",
                                                               "DONT_ACCEPT_BLANKLINE",
                                                               "REPORT_UDIFF",
                                                               "REPORT_NDIFF",
                                                               "REPORT_CDIFF",
                                                               "REPORT_ONLY_FIRST_FAILURE",
                                                               "FAIL_FAST",
                                                               "DONT_ACCEPT_TRUE_FOR_1",
                                                               "FLOAT_CMP",
                                                               "TIMEOUT"};

constexpr std::array<std::string_view, 5> nbval_markers = {
    "NBVAL_IGNORE_OUTPUT", "NBVAL_CHECK_OUTPUT", "NBVAL_SKIP", "NBVAL_RAISES_EXCEPTION",
    "PYTEST_VALIDATE_IGNORE_OUTPUT"};

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string_view leading_word(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && is_word_char(text[end]))
    ++end;
  return text.substr(0, end);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_prefix(std::string_view word) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return equals_ignoring_case(word, p); });
}

// Splits at commas outside parentheses and quotes.
std::vector<std::string_view> split_top_level(std::string_view text) {
  std::vector<std::string_view> parts;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::string unquote(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
  }
  return std::string(text);
}

Result<Directive> parse_one(std::string_view item) {
  item = trim(item);
  Directive directive;
  if (!item.empty() && (item.front() == '+' || item.front() == '-')) {
    directive.enabled = item.front() == '+';
    item = trim(item.substr(1));
  }
  const std::string_view name = leading_word(item);
  if (name.empty()) return Error{"expected a directive name in '" + std::string(item) + "'", {}};
  directive.name = upper(name);
  std::string_view rest = trim(item.substr(name.size()));
  if (!rest.empty()) {
    if (rest.front() != '(' || rest.back() != ')') {
      return Error{"unexpected text after " + directive.name + ": '" + std::string(rest) + "'", {}};
    }
    rest = rest.substr(1, rest.size() - 2);
    if (!trim(rest).empty()) {
      for (const std::string_view argument : split_top_level(rest))
        directive.arguments.push_back(unquote(argument));
    }
  }
  return directive;
}

// A comment's text after '#' and blanks, when the line is nothing but that comment.
std::optional<std::string_view> whole_line_comment(std::string_view line) {
  const std::string_view text = trim(line);
  if (text.empty() || text.front() != '#') return std::nullopt;
  const auto body = text.find_first_not_of('#');
  return body == std::string_view::npos ? std::string_view{} : trim(text.substr(body));
}

void check_nbval_spelling(std::string_view line, std::size_t number, CodeDirectives& found) {
  const auto comment = whole_line_comment(line);
  if (!comment) return;
  const std::string_view word = leading_word(*comment);
  const bool looks_like_marker =
      word.starts_with("NBVAL") || word.starts_with("nbval") || word.starts_with("PYTEST_VALIDATE");
  if (!looks_like_marker || trim(*comment) != word) return;
  if (std::find(nbval_markers.begin(), nbval_markers.end(), word) != nbval_markers.end()) return;
  std::string message = "unknown nbval marker " + std::string(word);
  if (auto near = nearest_name(word, nbval_markers)) message += ": did you mean " + *near + "?";
  found.problems.push_back({number, std::move(message)});
}

// Looks at every '#' of the line for a directive, or something meant as one.
void scan_line(std::string_view line, std::size_t number, CodeDirectives& found) {
  for (std::size_t hash = line.find('#'); hash != std::string_view::npos;
       hash = line.find('#', hash + 1)) {
    std::string_view after = line.substr(hash + 1);
    after = after.substr(std::min(after.size(), after.find_first_not_of(" \t")));
    const std::string_view word = leading_word(after);
    if (word.empty()) continue;
    std::string_view rest = after.substr(word.size());
    rest = rest.substr(std::min(rest.size(), rest.find_first_not_of(" \t")));
    const bool has_colon = !rest.empty() && rest.front() == ':';
    const std::string_view body = has_colon ? trim(rest.substr(1)) : trim(rest);
    const bool looks_like_list =
        !body.empty() && (body.front() == '+' || body.front() == '-' ||
                          std::isupper(static_cast<unsigned char>(body.front())));
    if (is_prefix(word) && !has_colon) {
      if (looks_like_list) {
        found.problems.push_back({number, "directive comment without its colon: did you mean '# " +
                                              std::string(word) + ": " + std::string(body) + "'?"});
      }
      continue;
    }
    if (!is_prefix(word)) {
      if (has_colon && looks_like_list && body.front() != '-' &&
          (body.front() == '+' || leading_word(body).find('_') != std::string_view::npos)) {
        if (auto near = nearest_name(word, prefixes)) {
          found.problems.push_back({number, "unknown directive prefix '" + std::string(word) +
                                                ":': did you mean '" + *near + ":'?"});
        }
      }
      continue;
    }
    DirectiveComment comment;
    comment.line = number;
    comment.scope = trim(line.substr(0, hash)).empty() ? DirectiveScope::block
                                                       : DirectiveScope::inline_statement;
    Result<std::vector<Directive>> parsed = parse_directive_list(body);
    if (!parsed) {
      found.problems.push_back({number, parsed.error().message});
      return;
    }
    for (const Directive& directive : *parsed) {
      if (auto problem = unknown_directive(directive)) {
        found.problems.push_back({number, *problem});
      } else {
        comment.directives.push_back(directive);
      }
    }
    found.comments.push_back(std::move(comment));
    return;
  }
}

Result<std::chrono::milliseconds> parse_seconds(const Directive& directive) {
  if (directive.arguments.size() != 1) {
    return Error{"TIMEOUT takes one argument, the seconds", {}};
  }
  const std::string& text = directive.arguments.front();
  double seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size() || seconds <= 0) {
    return Error{"TIMEOUT needs a positive number of seconds, not '" + text + "'", {}};
  }
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

// The directives that turn one option on or off, and the option each turns.
constexpr std::array<std::pair<std::string_view, bool DoctestOptions::*>, 9> flag_directives{
    {{"IGNORE_WANT", &DoctestOptions::ignore_want},
     {"ELLIPSIS", &DoctestOptions::ellipsis},
     {"NORMALIZE_WHITESPACE", &DoctestOptions::normalize_whitespace},
     {"IGNORE_WHITESPACE", &DoctestOptions::ignore_whitespace},
     {"NORMALIZE_REPR", &DoctestOptions::normalize_repr},
     {"IGNORE_EXCEPTION_DETAIL", &DoctestOptions::ignore_exception_detail},
     {"DONT_ACCEPT_BLANKLINE", &DoctestOptions::dont_accept_blankline},
     {"DONT_ACCEPT_TRUE_FOR_1", &DoctestOptions::dont_accept_true_for_1},
     {"FLOAT_CMP", &DoctestOptions::float_cmp}}};

} // namespace

std::optional<std::string> unknown_directive(const Directive& directive) {
  if (std::find(known_directives.begin(), known_directives.end(), directive.name) !=
      known_directives.end()) {
    return std::nullopt;
  }
  std::string message = "unknown doctest directive " + directive.name;
  if (auto near = nearest_name(directive.name, known_directives)) {
    message += ": did you mean " + *near + "?";
  }
  return message;
}

Result<std::vector<Directive>> parse_directive_list(std::string_view text) {
  std::vector<Directive> directives;
  if (trim(text).empty()) return directives;
  for (const std::string_view item : split_top_level(text)) {
    if (trim(item).empty()) continue;
    Result<Directive> directive = parse_one(item);
    if (!directive) return directive.error();
    directives.push_back(std::move(directive).value());
  }
  return directives;
}

CodeDirectives find_directives(std::string_view code) {
  CodeDirectives found;
  std::size_t number = 0;
  for (std::size_t start = 0; start <= code.size(); ++number) {
    const std::size_t end = std::min(code.find('\n', start), code.size());
    const std::string_view line = code.substr(start, end - start);
    check_nbval_spelling(line, number, found);
    scan_line(line, number, found);
    start = end + 1;
  }
  return found;
}

Status apply_directive(const Directive& directive, DoctestOptions& options) {
  const bool on = directive.enabled;
  const std::string& name = directive.name;
  for (const auto& [flag, option] : flag_directives) {
    if (name == flag) {
      options.*option = on;
      return Done{};
    }
  }
  if (name == "SKIP") {
    options.skip = on;
    options.skip_reason = directive.arguments.empty() ? "SKIP" : directive.arguments.front();
  } else if (name == "TIMEOUT") {
    if (!on) {
      options.timeout.reset();
    } else {
      Result<std::chrono::milliseconds> timeout = parse_seconds(directive);
      if (!timeout) return timeout.error();
      options.timeout = *timeout;
    }
  } else if (name == "REQUIRES") {
    if (directive.arguments.empty()) return Error{"REQUIRES needs at least one requirement", {}};
    for (const std::string& requirement : directive.arguments) {
      auto found = std::find(options.requirements.begin(), options.requirements.end(), requirement);
      if (on && found == options.requirements.end()) options.requirements.push_back(requirement);
      if (!on && found != options.requirements.end()) options.requirements.erase(found);
    }
  }
  return Done{};
}

} // namespace docnb::check
