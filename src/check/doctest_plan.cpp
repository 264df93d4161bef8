#include "check/doctest_plan.hpp"

#include "check/rule_set.hpp"
#include "notebook/source_map.hpp"

#include <map>
#include <set>

namespace docnb::check {

namespace {

// "path:line" for text cells (line within the source file), "path: cell N" for notebooks.
std::string place(const Notebook& notebook, const Json& cell, std::size_t index,
                  std::size_t line_in_cell) {
  if (const std::optional<SourceMap> map = source_map_of(cell)) {
    return notebook.path.string() + ":" +
           std::to_string(static_cast<std::size_t>(map->line) + line_in_cell);
  }
  return notebook.path.string() + ": cell " + std::to_string(index);
}

void add_problems(const Notebook& notebook, std::size_t index, const CodeDirectives& found,
                  std::vector<std::string>& warnings) {
  for (const DirectiveProblem& problem : found.problems) {
    warnings.push_back(place(notebook, notebook.cells()[index], index, problem.line) + ": " +
                       problem.message);
  }
}

void apply_all(const std::vector<Directive>& directives, DoctestOptions& options,
               std::optional<std::string>& invalid) {
  for (const Directive& directive : directives) {
    if (Status applied = apply_directive(directive, options); !applied) {
      invalid = applied.error().message;
    }
  }
}

void decide_requirements(CellDoctest& cell, const RequirementContext& requirements) {
  for (const std::string& requirement : cell.options.requirements) {
    Result<bool> met = requirement_met(requirement, requirements);
    if (!met) {
      cell.invalid = met.error().message;
      return;
    }
    if (!*met) {
      cell.skip = "REQUIRES(" + requirement + ") is not met";
      return;
    }
  }
}

// Namespace cells of examples none of whose parts run (all skipped, comments only, or no parts
// at all) are skipped too.
void skip_namespaces_of_skipped_examples(const Json& cells, DoctestPlan& plan) {
  std::map<ExampleId, bool> runs; // example id -> some part runs
  for (std::size_t index = 0; index < cells.size(); ++index) {
    if (!plan.cells[index]) continue;
    const std::optional<SourceMap> map = source_map_of(cells[index]);
    if (map->role == CellRole::example_namespace) continue;
    bool& any = runs[map->example];
    any = any || (!plan.cells[index]->skip && !is_comment_only_part(cells[index]));
  }
  for (std::size_t index = 0; index < cells.size(); ++index) {
    if (!plan.cells[index]) continue;
    const std::optional<SourceMap> map = source_map_of(cells[index]);
    if (map->role != CellRole::example_namespace || plan.cells[index]->skip) continue;
    const auto example = runs.find(map->example);
    if (example == runs.end() || !example->second) {
      plan.cells[index]->skip = "every part of the example is skipped";
    }
  }
}

} // namespace

std::vector<std::string> directive_warnings(const Notebook& notebook) {
  std::vector<std::string> warnings;
  const Json& cells = notebook.cells();
  for (std::size_t index = 0; index < cells.size(); ++index) {
    if (cells[index].value("cell_type", "") != "code") continue;
    add_problems(notebook, index, find_directives(cells[index].value("source", "")), warnings);
  }
  return warnings;
}

bool is_comment_only_part(const Json& cell) {
  const std::optional<SourceMap> map = source_map_of(cell);
  if (!map || map->example.empty() || map->role != CellRole::part) return false;
  const std::string source = cell.value("source", "");
  for (std::size_t start = 0; start < source.size();) {
    const std::size_t end = std::min(source.find('\n', start), source.size());
    const std::size_t first = source.find_first_not_of(" \t\r", start);
    if (first < end && source[first] != '#') return false;
    start = end + 1;
  }
  return true;
}

DoctestPlan plan_doctest_cells(const Notebook& notebook, const RequirementContext& requirements) {
  DoctestPlan plan;
  const Json& cells = notebook.cells();
  plan.cells.resize(cells.size());
  std::optional<ExampleId> example;
  DoctestOptions carried;
  std::optional<std::string> carried_invalid;
  std::set<std::string, std::less<>> reported_options;
  for (std::size_t index = 0; index < cells.size(); ++index) {
    const Json& cell = cells[index];
    if (cell.value("cell_type", "") != "code") continue;
    const std::string source = cell.value("source", "");
    const CodeDirectives found = find_directives(source);
    add_problems(notebook, index, found, plan.warnings);
    const std::optional<SourceMap> map = source_map_of(cell);
    if (!map) continue;
    if (!example || *example != map->example || map->example.empty()) {
      example = map->example;
      carried =
          rule_set_defaults(rule_set_named(map->rules.value_or("")).value_or(RuleSet::xdoctest));
      carried_invalid.reset();
      if (const std::optional<std::string>& options = map->options) {
        Result<std::vector<Directive>> parsed = parse_directive_list(*options);
        if (parsed) {
          apply_all(*parsed, carried, carried_invalid);
          // Options shared by every example of a source (--options) are reported once.
          for (const Directive& directive : *parsed) {
            if (const auto unknown = unknown_directive(directive);
                unknown && reported_options.insert(directive.name).second) {
              plan.warnings.push_back(place(notebook, cell, index, 0) + ": options \"" + *options +
                                      "\": " + *unknown);
            }
          }
        } else {
          carried_invalid = "bad options: " + parsed.error().message;
        }
      }
    }
    CellDoctest planned;
    for (const DirectiveComment& comment : found.comments) {
      if (comment.scope == DirectiveScope::block)
        apply_all(comment.directives, carried, carried_invalid);
    }
    planned.options = carried;
    planned.invalid = carried_invalid;
    for (const DirectiveComment& comment : found.comments) {
      if (comment.scope == DirectiveScope::inline_statement) {
        apply_all(comment.directives, planned.options, planned.invalid);
      }
    }
    if (map->skip) {
      planned.skip = map->skip;
    } else if (planned.options.skip) {
      planned.skip = planned.options.skip_reason;
    } else if (!planned.invalid) {
      decide_requirements(planned, requirements);
    }
    plan.cells[index] = std::move(planned);
  }
  skip_namespaces_of_skipped_examples(cells, plan);
  return plan;
}

} // namespace docnb::check
