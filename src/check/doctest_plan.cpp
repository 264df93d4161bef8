#include "check/doctest_plan.hpp"

namespace docnb::check {

namespace {

const Json& docnb_metadata(const Json& cell) {
  static const Json none = Json::object();
  const auto metadata = cell.find("metadata");
  if (metadata == cell.end() || !metadata->is_object()) return none;
  const auto docnb = metadata->find("docnb");
  return docnb != metadata->end() && docnb->is_object() ? *docnb : none;
}

// "path:line" for text cells (line within the source file), "path: cell N" for notebooks.
std::string place(const Notebook& notebook, const Json& cell, std::size_t index,
                  std::size_t line_in_cell) {
  const Json& docnb = docnb_metadata(cell);
  if (const auto line = docnb.find("line"); line != docnb.end() && line->is_number_integer()) {
    return notebook.path.string() + ":" + std::to_string(line->get<std::size_t>() + line_in_cell);
  }
  return notebook.path.string() + ": cell " + std::to_string(index);
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

} // namespace

bool is_text_cell(const Json& cell) {
  const Json& metadata = cell.value("metadata", Json::object());
  const auto docnb = metadata.find("docnb");
  return docnb != metadata.end() && docnb->is_object();
}

DoctestPlan plan_doctest_cells(const Notebook& notebook, const RequirementContext& requirements) {
  DoctestPlan plan;
  const Json& cells = notebook.cells();
  plan.cells.resize(cells.size());
  std::optional<std::string> example;
  DoctestOptions carried;
  std::optional<std::string> carried_invalid;
  for (std::size_t index = 0; index < cells.size(); ++index) {
    const Json& cell = cells[index];
    if (cell.value("cell_type", "") != "code") continue;
    const std::string source = cell.value("source", "");
    const CodeDirectives found = find_directives(source);
    for (const DirectiveProblem& problem : found.problems) {
      plan.warnings.push_back(place(notebook, cell, index, problem.line) + ": " + problem.message);
    }
    if (!is_text_cell(cell)) continue;
    const Json& docnb = docnb_metadata(cell);
    const std::string id = docnb.value("example", "");
    if (!example || *example != id || id.empty()) {
      example = id;
      carried = DoctestOptions{};
      carried_invalid.reset();
      if (const auto options = docnb.find("options");
          options != docnb.end() && options->is_string()) {
        Result<std::vector<Directive>> parsed = parse_directive_list(options->get<std::string>());
        if (parsed) {
          apply_all(*parsed, carried, carried_invalid);
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
    if (const auto skip = docnb.find("skip"); skip != docnb.end() && skip->is_string()) {
      planned.skip = skip->get<std::string>();
    } else if (planned.options.skip) {
      planned.skip = planned.options.skip_reason;
    } else if (!planned.invalid) {
      decide_requirements(planned, requirements);
    }
    plan.cells[index] = std::move(planned);
  }
  return plan;
}

} // namespace docnb::check
