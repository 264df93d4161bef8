#include "converters/rst_names.hpp"

#include "converters/text_source.hpp"
#include "support/nearest_name.hpp"

#include <algorithm>
#include <vector>

namespace docnb::converters {
namespace {

const std::vector<std::string>& code_directives() {
  static const std::vector<std::string> names{"code-block", "sourcecode", "doctest",    "testcode",
                                              "testoutput", "testsetup",  "testcleanup"};
  return names;
}

// Directives whose names are near a code directive's but are not typos of one.
bool is_common_directive(const std::string& name) {
  static const std::vector<std::string> names{
      "code",      "note",         "todo",         "toctree",        "math",
      "image",     "figure",       "table",        "topic",          "tip",
      "hint",      "error",        "danger",       "warning",        "caution",
      "attention", "seealso",      "index",        "include",        "only",
      "raw",       "class",        "role",         "default-role",   "literalinclude",
      "highlight", "deprecated",   "versionadded", "versionchanged", "rubric",
      "centered",  "sidebar",      "contents",     "module",         "function",
      "method",    "autofunction", "automodule",   "autoclass",      "plot"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_code_directive(const std::string& name) {
  return std::find(code_directives().begin(), code_directives().end(), name) !=
         code_directives().end();
}

} // namespace

std::optional<std::string> comment_typo(std::string_view stripped) {
  // `.. code-block: python` is an rst comment; a missing colon hides the example.
  const std::string_view rest = trim(stripped.substr(2));
  const std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const std::string name(rest.substr(0, colon));
  if (name.find(' ') != std::string::npos) return std::nullopt;
  if (!is_code_directive(name) && name != "code") return std::nullopt;
  return "`.. " + name + ":` is a comment; did you mean `.. " + name + "::`?";
}

std::optional<std::string> directive_typo(const std::string& name) {
  if (is_code_directive(name) || is_common_directive(name)) return std::nullopt;
  const int allowed = name.size() >= 8 ? 2 : 1;
  if (const auto nearest = nearest_name(name, code_directives(), static_cast<std::size_t>(allowed))) {
    return "unknown directive `" + name + "`; did you mean `" + *nearest + "`?";
  }
  return std::nullopt;
}

} // namespace docnb::converters
