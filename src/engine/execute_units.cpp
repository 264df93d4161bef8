#include "engine/execute_units.hpp"

#include <algorithm>

namespace docnb {
namespace {

// Every cell of `unit` not run, for `reason`, each judged.
void not_run(const ExecutionUnit& unit, const std::string& reason, const Notebook& notebook,
             check::CellJudge& judge, check::JudgedRun& judged) {
  for (const std::size_t index : unit) {
    CellRun cell_run;
    cell_run.index = index;
    cell_run.status = CellStatus::not_run;
    cell_run.reason = reason;
    judged.verdicts.push_back(judge.judge(cell_run, notebook.cells().at(index)));
    judged.run.cells.push_back(std::move(cell_run));
  }
}

std::optional<std::string> group_of(const Json& cell) {
  const std::optional<SourceMap> map = source_map_of(cell);
  return map ? map->group : std::nullopt;
}

std::vector<ExecutionUnit> group_units(const Notebook& reference,
                                       const std::vector<std::size_t>& cells) {
  ExecutionUnit ungrouped;
  std::vector<std::string> groups;
  for (const std::size_t index : cells) {
    const std::optional<std::string> group = group_of(reference.cells()[index]);
    if (!group) {
      ungrouped.push_back(index);
    } else if (std::find(groups.begin(), groups.end(), *group) == groups.end()) {
      groups.push_back(*group);
    }
  }
  std::vector<ExecutionUnit> units;
  if (!ungrouped.empty()) units.push_back(std::move(ungrouped));
  for (const std::string& group : groups) {
    ExecutionUnit& unit = units.emplace_back();
    for (const CellRole role : {CellRole::setup, CellRole::part, CellRole::cleanup}) {
      for (const std::size_t index : cells) {
        const std::optional<SourceMap> map = source_map_of(reference.cells()[index]);
        if (map && map->group == group && map->role == role) unit.push_back(index);
      }
    }
  }
  return units;
}

} // namespace

bool has_groups(const Notebook& reference) {
  const std::vector<std::size_t> cells = code_cells_of(reference);
  return std::any_of(cells.begin(), cells.end(), [&](std::size_t index) {
    return group_of(reference.cells()[index]).has_value();
  });
}

std::vector<ExecutionUnit> execution_units(const Notebook& reference, converters::SourceKind kind,
                                           const check::ExampleIds& leave_out) {
  std::vector<ExecutionUnit> units;
  const std::vector<std::size_t> cells = code_cells_of(reference);
  if (kind != converters::SourceKind::docstring) {
    if (has_groups(reference)) return group_units(reference, cells);
    if (!cells.empty()) units.push_back(cells);
    return units;
  }
  ExampleId current;
  for (const std::size_t index : cells) {
    const ExampleId example = check::example_of(reference.cells()[index]);
    if (leave_out.contains(example)) continue;
    if (units.empty() || example != current) units.emplace_back();
    current = example;
    units.back().push_back(index);
  }
  return units;
}

check::JudgedRun execute_units(const Notebook& reference, const std::vector<ExecutionUnit>& units,
                               UnitKernels kernels, const ExecuteOptions& options,
                               check::CellJudge& judge,
                               const ContinueAfterVerdict& continue_after) {
  check::JudgedRun judged;
  judged.run.notebook = reference;
  KernelStart kernel = std::move(kernels.first);
  for (std::size_t k = 0; k < units.size(); ++k) {
    if (options.stop != nullptr && options.stop->requested()) {
      // No kernel starts for what will not run.
      not_run(units[k], "not run: the run was " + options.stop->describe(), reference, judge,
              judged);
      continue;
    }
    std::optional<WarmKernel> next;
    if (kernels.fresh_for_each && k + 1 < units.size()) next.emplace(kernels.launch, kernels.host);
    if (!kernel) {
      not_run(units[k], "kernel did not start: " + kernel.error().describe(), reference, judge,
              judged);
      judged.run.kernel_lost = true;
    } else {
      // A cell is judged as it finishes, so that -x and an example's first failing part stop
      // what follows; its verdict is given once the unit ends, when a later cell can no longer
      // update what it displayed (update_display_data).
      check::CellJudge live = judge;
      const OnCell on_cell = [&](const Json& cell, const CellRun& cell_run) {
        return !continue_after || continue_after(cell, live.judge(cell_run, cell));
      };
      NotebookRun part =
          execute_cells(std::move(judged.run.notebook), units[k], **kernel, options, on_cell);
      judged.run.notebook = std::move(part.notebook);
      for (const CellRun& cell_run : part.cells) {
        judged.verdicts.push_back(
            judge.judge(cell_run, judged.run.notebook.cells().at(cell_run.index)));
      }
      judged.run.cells.insert(judged.run.cells.end(), part.cells.begin(), part.cells.end());
      judged.run.warnings.insert(judged.run.warnings.end(), part.warnings.begin(),
                                 part.warnings.end());
      judged.run.kernel_lost = judged.run.kernel_lost || part.kernel_lost;
      if (part.kernel_lost || kernels.fresh_for_each || k + 1 == units.size()) {
        kernels.reaper.retire(std::move(kernel).value());
        kernel = Error{"the kernel was retired", ""};
        if (!next && k + 1 < units.size()) next.emplace(kernels.launch, kernels.host);
      }
    }
    if (next) kernel = next->take();
  }
  if (kernel) kernels.reaper.retire(std::move(kernel).value());
  return judged;
}

} // namespace docnb
