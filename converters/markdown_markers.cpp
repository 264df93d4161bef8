#include "converters/markdown_markers.hpp"

#include "converters/text_source.hpp"
#include "support/nearest_name.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace docnb::converters {
namespace {

std::string squeeze(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// Comment texts (without spaces, lower case) that docnb or a tool it replaces reads, and
// the way to write each in a warning.
const std::vector<std::pair<std::string, std::string>>& known_markers() {
  static const std::vector<std::pair<std::string, std::string>> markers{
      {"docnb:skip", "<!-- docnb: skip -->"},
      {"skip:next", "<!-- skip: next -->"},
      {"skip:start", "<!-- skip: start -->"},
      {"skip:end", "<!-- skip: end -->"},
      {"phmdoctest-skip", "<!--phmdoctest-skip-->"},
      {"phmdoctest-mark.skip", "<!--phmdoctest-mark.skip-->"},
      {"pytest-codeblocks:skip", "<!--pytest-codeblocks:skip-->"},
      {"pytest.mark.skip", "<!--pytest.mark.skip-->"},
      {"phmdoctest-setup", "<!--phmdoctest-setup-->"},
      {"phmdoctest-teardown", "<!--phmdoctest-teardown-->"},
      {"phmdoctest-share-names", "<!--phmdoctest-share-names-->"},
      {"phmdoctest-clear-names", "<!--phmdoctest-clear-names-->"},
      {"pytest-codeblocks:cont", "<!--pytest-codeblocks:cont-->"},
      {"pytest-codeblocks:expected-output", "<!--pytest-codeblocks:expected-output-->"},
      {"invisible-code-block:python", "<!-- invisible-code-block: python"}};
  return markers;
}

// The rst comments docnb reads: the skips Sybil's rst parser knows, and docnb's own.
const std::vector<std::pair<std::string, std::string>>& known_rst_markers() {
  static const std::vector<std::pair<std::string, std::string>> markers{
      {"docnb:skip", ".. docnb: skip"},
      {"skip:next", ".. skip: next"},
      {"skip:start", ".. skip: start"},
      {"skip:end", ".. skip: end"}};
  return markers;
}

// What a comment's text (squeezed) means among the `known` markers of its page, or which one
// it is a misspelling of.
void classify(const std::string& inner,
              const std::vector<std::pair<std::string, std::string>>& known, MarkerSeen& seen) {
  const bool is_known = std::any_of(known.begin(), known.end(),
                                    [&](const auto& marker) { return marker.first == inner; });
  if (is_known && (inner == "docnb:skip" || inner == "skip:next" || inner == "phmdoctest-skip" ||
                   inner == "phmdoctest-mark.skip" || inner == "pytest-codeblocks:skip" ||
                   inner == "pytest.mark.skip")) {
    seen.marker = Marker::skip_next;
  } else if (inner == "skip:start") {
    seen.marker = Marker::skip_start;
  } else if (inner == "skip:end") {
    seen.marker = Marker::skip_end;
  } else {
    std::vector<std::string> names;
    for (const auto& [name, spelling] : known)
      names.push_back(name);
    const int allowed = inner.rfind("docnb", 0) == 0 ? 4 : 2;
    if (const auto nearest = nearest_name(inner, names, static_cast<std::size_t>(allowed)); nearest && inner.size() >= 5) {
      for (const auto& [name, spelling] : known) {
        if (name == *nearest) seen.typo_of = spelling;
      }
    } else if (inner.rfind("docnb", 0) == 0) {
      seen.typo_of = known.front().second;
    } else if (inner.rfind("phmdoctest-", 0) == 0 || inner.rfind("pytest-codeblocks:", 0) == 0 ||
               inner.rfind("skip:next", 0) == 0) {
      // Conventions of other tools that docnb does not act on (labels, skipif(...)).
      seen.marker = Marker::other_known;
    }
  }
}

} // namespace

MarkerSeen rst_marker_of(std::string_view comment_line) {
  MarkerSeen seen;
  const std::string_view text = trim(comment_line);
  if (text.substr(0, 3) != ".. ") return seen;
  const std::string inner = squeeze(text.substr(3));
  // Hyperlink targets, footnotes and substitutions start as comments do; none is a marker.
  if (inner.empty() || inner.front() == '_' || inner.front() == '[' || inner.front() == '|')
    return seen;
  seen.spelling = std::string(text);
  classify(inner, known_rst_markers(), seen);
  return seen;
}

MarkerSeen marker_of(std::string_view html_block) {
  MarkerSeen seen;
  const std::string_view literal =
      trim(html_block.substr(0, html_block.find_last_not_of('\n') + 1));
  if (literal.substr(0, 4) != "<!--") return seen;
  const std::size_t newline = literal.find('\n');
  if (newline != std::string_view::npos) {
    // A comment of several lines is hidden code when its first line says so.
    const std::string head = squeeze(literal.substr(4, newline - 4));
    if (head == "invisible-code-block:python") {
      seen.marker = Marker::invisible_code;
    } else if (head.rfind("invisible", 0) == 0 ||
               nearest_name(head, std::array<std::string_view, 1>{"invisible-code-block:python"},
                            4)) {
      seen.spelling = std::string(trim(literal.substr(0, newline)));
      seen.typo_of = "<!-- invisible-code-block: python";
    }
    return seen;
  }
  if (literal.size() < 7 || literal.substr(literal.size() - 3) != "-->") return seen;
  seen.spelling = std::string(literal);
  classify(squeeze(literal.substr(4, literal.size() - 7)), known_markers(), seen);
  return seen;
}

} // namespace docnb::converters
