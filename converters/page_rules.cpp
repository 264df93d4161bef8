#include "converters/page_rules.hpp"

#include "check/rule_set.hpp"
#include "support/text.hpp"

#include <array>
#include <cctype>

namespace docnb::converters {

void stamp_rules(SourceMap& map, const PageRules& rules) {
  map.rules = std::string(check::to_string(rules.rules));
  if (rules.options.empty()) return;
  map.options = map.options ? rules.options + ", " + *map.options : rules.options;
}

bool one_statement_each(const std::optional<PageRules>& rules) {
  return rules && check::is_stdlib_like(rules->rules);
}

std::string not_run_under_sphinx(const std::string& path, int count) {
  return path + ": " + std::to_string(count) +
         " code or literal blocks are not run under the sphinx rule set, as sphinx-build -b "
         "doctest runs none (--rules rst=xdoctest runs them)";
}

std::string sphinx_group(std::string_view argument) {
  const std::string_view name = trim(argument);
  return name.empty() ? "default" : std::string(name);
}

std::optional<std::string> pyversion_skipif(std::string_view spec) {
  spec = trim(spec);
  constexpr std::array<std::string_view, 6> operators = {">=", "<=", "==", "!=", ">", "<"};
  for (const std::string_view op : operators) {
    if (!spec.starts_with(op)) continue;
    const std::string_view version = trim(spec.substr(op.size()));
    std::string tuple;
    int parts = 0;
    for (std::size_t at = 0; at <= version.size(); ++parts) {
      const std::size_t end = std::min(version.find('.', at), version.size());
      const std::string_view number = version.substr(at, end - at);
      if (number.empty() || number.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
      }
      tuple += std::string(number) + ", ";
      at = end + 1;
    }
    // packaging's Version pads with zeros: 3.8 == 3.8.0.
    for (; parts < 3; ++parts)
      tuple += "0, ";
    return "not (__import__('sys').version_info[:3] " + std::string(op) + " (" + tuple + "))";
  }
  return std::nullopt;
}

void apply_sphinx_directive(SourceMap& map, std::string_view directive, std::string_view argument,
                            const std::map<std::string, std::string>& options) {
  map.group = sphinx_group(argument);
  if (directive == "testcode") map.compile_mode = "exec";
  const auto pyversion = options.find("pyversion");
  if (pyversion == options.end()) return;
  const std::optional<std::string> condition = pyversion_skipif(pyversion->second);
  // A spec Sphinx cannot read makes it fail the directive; here the block does not run.
  const std::string skipif = condition.value_or("True");
  map.skipif = map.skipif ? "(" + *map.skipif + ") or " + skipif : skipif;
}

} // namespace docnb::converters
