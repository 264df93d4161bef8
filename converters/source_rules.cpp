#include "converters/source_rules.hpp"

#include "check/rule_set.hpp"

#include <set>

namespace docnb::converters {

namespace {

std::string joined(std::string_view first, std::string_view second) {
  if (first.empty()) return std::string(second);
  if (second.empty()) return std::string(first);
  return std::string(first) + ", " + std::string(second);
}

PageRules page_rules(check::RuleSet rules, const SourceRules& choice) {
  PageRules page{rules, ""};
  if (rules == check::RuleSet::sphinx && choice.sphinx_default_flags) {
    page.options = joined("-ELLIPSIS, -IGNORE_EXCEPTION_DETAIL, -DONT_ACCEPT_TRUE_FOR_1",
                          *choice.sphinx_default_flags);
  }
  page.options = joined(page.options, choice.options);
  return page;
}

Json hidden_cell(const std::string& code, CellRole role, const std::optional<std::string>& group,
                 const std::string& id) {
  Json cell{{"cell_type", "code"},        {"id", id},
            {"metadata", Json::object()}, {"source", code},
            {"outputs", Json::array()},   {"execution_count", nullptr}};
  SourceMap map;
  map.role = role;
  map.group = group;
  set_source_map(cell, map);
  return cell;
}

} // namespace

check::RuleSet docstring_rules(const SourceRules& rules) {
  return rules.docstring.value_or(check::RuleSet::xdoctest);
}

MarkdownRules markdown_rules(const SourceRules& rules) {
  const check::RuleSet sessions = rules.markdown.value_or(check::RuleSet::stdlib);
  MarkdownRules markdown{page_rules(sessions, rules), rst_rules(rules)};
  // pytest's doctest_optionflags and Sybil's parser start with ELLIPSIS.
  if (sessions == check::RuleSet::stdlib) {
    markdown.sessions->options = joined("+ELLIPSIS", markdown.sessions->options);
  }
  return markdown;
}

PageRules rst_rules(const SourceRules& rules) {
  return page_rules(rules.rst.value_or(check::RuleSet::sphinx), rules);
}

void apply_docstring_rules(Notebook& notebook, check::RuleSet rules) {
  if (!check::is_stdlib_like(rules)) return;
  for (Json& cell : notebook.cells()) {
    std::optional<SourceMap> map = source_map_of(cell);
    if (!map) continue;
    map->rules = std::string(check::to_string(rules));
    if (map->role == CellRole::part) map->compile_mode = "single";
    set_source_map(cell, *map);
  }
}

void add_page_setup(Notebook& notebook, const SourceRules& rules) {
  if (rules.global_setup.empty() && rules.global_cleanup.empty()) return;
  std::vector<std::optional<std::string>> groups;
  std::set<std::string> seen;
  for (const Json& cell : notebook.cells()) {
    const std::optional<SourceMap> map = source_map_of(cell);
    if (map && map->group && seen.insert(*map->group).second) groups.push_back(map->group);
  }
  if (groups.empty()) groups.emplace_back(std::nullopt);
  Json cells = Json::array();
  for (std::size_t k = 0; k < groups.size() && !rules.global_setup.empty(); ++k) {
    cells.push_back(hidden_cell(rules.global_setup, CellRole::setup, groups[k],
                                "global-setup-" + std::to_string(k)));
  }
  for (Json& cell : notebook.cells())
    cells.push_back(std::move(cell));
  for (std::size_t k = 0; k < groups.size() && !rules.global_cleanup.empty(); ++k) {
    cells.push_back(hidden_cell(rules.global_cleanup, CellRole::cleanup, groups[k],
                                "global-cleanup-" + std::to_string(k)));
  }
  notebook.cells() = std::move(cells);
}

} // namespace docnb::converters
