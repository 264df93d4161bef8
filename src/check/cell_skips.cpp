#include "check/cell_skips.hpp"

#include <algorithm>
#include <cctype>

namespace docnb::check {
namespace {

// Sphinx doctest's `:skipif: EXPR` (metadata docnb.skipif): evaluated in the page's kernel
// just before the block, after the blocks above it (and testsetup) ran. An expression that
// raises is reported, and the block runs.
std::optional<std::string> skip_if(const Json& cell, const EvaluateInKernel& evaluate,
                                   const std::string& file, std::vector<std::string>& warnings) {
  const std::optional<SourceMap> map = source_map_of(cell);
  if (!map || !map->skipif || map->skipif->empty()) return std::nullopt;
  const std::string& expression = *map->skipif;
  Result<std::string> value = evaluate("bool(" + expression + ")");
  if (!value) {
    warnings.push_back(file + ":" + std::to_string(map->line) + ": :skipif: " + expression +
                       " raised " + value.error().message + "; the block runs");
    return std::nullopt;
  }
  if (*value == "True") return ":skipif: " + expression;
  return std::nullopt;
}

} // namespace

ExampleId example_of(const Json& cell) {
  const std::optional<SourceMap> map = source_map_of(cell);
  return map ? map->example : ExampleId{};
}

ExecuteOptions cell_execution_options(const ExecuteOptions& base, CompareMode mode,
                                      const DoctestPlan& plan, const ExampleIds& ended,
                                      const std::string& file, std::vector<std::string>& warnings) {
  ExecuteOptions execute = base;
  execute.skip_cell = [mode, &plan, &ended, file,
                       &warnings](std::size_t index, const Json& cell,
                                  const EvaluateInKernel& evaluate) -> std::optional<std::string> {
    if (index < plan.cells.size() && plan.cells[index]) {
      const CellDoctest& doctest = *plan.cells[index];
      if (doctest.invalid) return "bad directive: " + *doctest.invalid;
      if (doctest.skip) return *doctest.skip;
      if (std::optional<std::string> skip = skip_if(cell, evaluate, file, warnings)) return skip;
    }
    if (!ended.empty() && ended.contains(example_of(cell))) {
      return "not run: an earlier part of this example failed";
    }
    if (cell_policy(cell, mode).skip) return "skipped";
    return std::nullopt;
  };
  execute.cell_timeout_for =
      [&plan](std::size_t index) -> std::optional<std::chrono::milliseconds> {
    if (index < plan.cells.size() && plan.cells[index]) return plan.cells[index]->options.timeout;
    return std::nullopt;
  };
  return execute;
}

std::optional<NotebookRun> run_without_kernel(const Notebook& notebook,
                                              const ExecuteOptions& options) {
  const EvaluateInKernel no_kernel = [](const std::string& expression) -> Result<std::string> {
    return Error{"no kernel", expression};
  };
  NotebookRun run{notebook, {}, false, {}};
  const Json& cells = notebook.cells();
  for (std::size_t index = 0; index < cells.size(); ++index) {
    const Json& cell = cells[index];
    if (cell.value("cell_type", "") != "code") continue;
    if (const std::optional<SourceMap> map = source_map_of(cell); map && map->skipif) {
      return std::nullopt;
    }
    const std::string source = cell.value("source", "");
    const bool blank = std::all_of(source.begin(), source.end(),
                                   [](unsigned char c) { return std::isspace(c) != 0; });
    std::optional<std::string> reason =
        blank ? std::optional<std::string>(std::string(empty_cell_reason))
              : options.skip_cell(index, cell, no_kernel);
    if (!reason) return std::nullopt;
    CellRun cell_run;
    cell_run.index = index;
    cell_run.status = CellStatus::skipped;
    cell_run.reason = std::move(*reason);
    run.cells.push_back(std::move(cell_run));
  }
  return run;
}

} // namespace docnb::check
