// Hand-made notebooks, cells, plans and runs for the unit tests of the checker, the engine and
// --update: the shapes the converters and the executor produce, built in a line.
#pragma once

#include "check/doctest_plan.hpp"
#include "check/verdict.hpp"
#include "execute/execute_notebook.hpp"
#include "notebook/source_map.hpp"

#include <optional>
#include <string>

namespace docnb::testing {

inline Json code(const std::string& source, Json outputs = Json::array(),
                 Json execution_count = nullptr) {
  return {{"cell_type", "code"},
          {"source", source},
          {"metadata", Json::object()},
          {"outputs", std::move(outputs)},
          {"execution_count", std::move(execution_count)}};
}

inline Json markdown(const std::string& text) {
  return {{"cell_type", "markdown"}, {"source", text}, {"metadata", Json::object()}};
}

inline Notebook notebook_of(const std::string& path, Json cells) {
  Notebook notebook;
  notebook.path = path;
  notebook.document = {{"cells", std::move(cells)},
                       {"metadata", Json::object()},
                       {"nbformat", 4},
                       {"nbformat_minor", 5}};
  return notebook;
}

// A code cell of a text source: `example` at `line`, with `want` when given.
inline Json mapped(const std::string& source, const ExampleId& example, int line,
                   std::optional<std::string> want = {}) {
  Json cell = code(source);
  SourceMap map;
  map.example = example;
  map.line = line;
  map.last_line = line;
  map.want = std::move(want);
  set_source_map(cell, map);
  return cell;
}

// A code block of the Markdown page "page.md", named by its line.
inline Json block(const std::string& source, int line, std::optional<std::string> want = {}) {
  return mapped(source, ExampleId::line("page.md", static_cast<std::size_t>(line)), line,
                std::move(want));
}

// Part `number` of the docstring example `name` of "mod.py", as the docstring converter writes.
inline Json docstring_part(const std::string& source, const std::string& name, std::size_t number,
                           std::optional<std::string> want, int line) {
  Json cell = mapped(source, ExampleId::named("mod.py", name), line, std::move(want));
  SourceMap map = *source_map_of(cell);
  map.part = number;
  map.compile_mode = "exec";
  set_source_map(cell, map);
  return cell;
}

// The doctest plan of `notebook` where every module is installed, or none is.
inline check::DoctestPlan plan_of(const Notebook& notebook, bool modules_installed = true) {
  check::RequirementContext requirements;
  requirements.module_available = [modules_installed](const std::string&) {
    return modules_installed;
  };
  requirements.environment = [](const std::string&) { return std::nullopt; };
  return check::plan_doctest_cells(notebook, requirements);
}

inline CellRun ran(std::size_t index, CellStatus status = CellStatus::ok, std::string reason = "",
                   bool reply_error = false) {
  CellRun run;
  run.index = index;
  run.status = status;
  run.reason = std::move(reason);
  run.reply_error = reply_error;
  return run;
}

inline Verdict verdict_of(Outcome outcome, std::size_t cell = 0) {
  Verdict verdict;
  verdict.outcome = outcome;
  verdict.cell = cell;
  return verdict;
}

} // namespace docnb::testing
