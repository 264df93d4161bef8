#include "engine/execute_units.hpp"

#include "engine/shared_units.hpp"

#include <algorithm>
#include <chrono>

namespace docnb {
namespace {

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

// What every kernel running units of one source shares.
struct UnitSetting {
  const Notebook& reference;
  const KernelLaunch& launch;
  KernelHost& host;
  KernelReaper& reaper;
  bool fresh_for_each;
  const ExecuteOptions& options;
  const ContinueAfterVerdict& continue_after;
};

// Every cell of `unit` not run, for `reason`, each judged.
UnitRun not_run(const ExecutionUnit& unit, const std::string& reason, const Notebook& notebook,
                check::CellJudge& judge) {
  UnitRun run;
  for (const std::size_t index : unit) {
    CellRun cell_run;
    cell_run.index = index;
    cell_run.status = CellStatus::not_run;
    cell_run.reason = reason;
    run.verdicts.push_back(judge.judge(cell_run, notebook.cells().at(index)));
    run.executed.push_back(notebook.cells().at(index));
    run.cells.push_back(std::move(cell_run));
  }
  return run;
}

// Runs `unit` on `kernel`, in `working` (the kernel's copy of the notebook). A cell is judged
// as it finishes, so that -x and an example's first failing part stop what follows; its
// verdict is given once the unit ends, when a later cell can no longer update what it
// displayed (update_display_data). The callbacks run under `shared`'s lock: the units of a
// module may run on several kernels at once. `prelude_ran`: whether the options' prelude has
// run in this kernel already (it is evaluated once per kernel, not once per unit).
UnitRun run_unit(const UnitSetting& setting, SharedUnits& shared, const ExecutionUnit& unit,
                 KernelConnection& kernel, Notebook& working, check::CellJudge& judge,
                 bool& prelude_ran) {
  const auto started = std::chrono::steady_clock::now();
  check::CellJudge live = judge;
  const OnCell on_cell = [&](const Json& cell, const CellRun& cell_run) {
    const std::lock_guard lock(shared.callbacks());
    return !setting.continue_after || setting.continue_after(cell, live.judge(cell_run, cell));
  };
  ExecuteOptions options = setting.options;
  if (prelude_ran) options.prelude.clear();
  if (options.skip_cell) {
    options.skip_cell = [&](std::size_t index, const Json& cell, const EvaluateInKernel& evaluate) {
      const std::lock_guard lock(shared.callbacks());
      return setting.options.skip_cell(index, cell, evaluate);
    };
  }
  NotebookRun part = execute_cells(std::move(working), unit, kernel, options, on_cell);
  working = std::move(part.notebook);
  prelude_ran = prelude_ran || part.prelude_ran;
  UnitRun run;
  for (const CellRun& cell_run : part.cells) {
    run.verdicts.push_back(judge.judge(cell_run, working.cells().at(cell_run.index)));
    run.executed.push_back(working.cells().at(cell_run.index));
  }
  run.cells = std::move(part.cells);
  run.warnings = std::move(part.warnings);
  run.kernel_lost = part.kernel_lost;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return run;
}

// Runs `first` (when claimed already) and the units `shared` hands out, from `kernel` on,
// until none is left. A unit that loses its kernel leaves the next one a fresh kernel; a
// kernel that does not start leaves its unit's cells not run, with the reason.
void run_claimed(const UnitSetting& setting, SharedUnits& shared, KernelStart kernel,
                 Notebook& working, check::CellJudge& judge,
                 std::optional<std::size_t> first = std::nullopt) {
  const ExecuteOptions& options = setting.options;
  bool prelude_ran = false; // in `kernel`
  for (std::optional<std::size_t> k = first ? first : shared.claim(); k; k = shared.claim()) {
    const ExecutionUnit& unit = shared.units()[*k];
    if (options.stop != nullptr && options.stop->requested()) {
      // No kernel starts for what will not run.
      shared.done(*k, not_run(unit, "not run: the run was " + options.stop->describe(),
                              setting.reference, judge));
      continue;
    }
    std::optional<WarmKernel> next;
    if (setting.fresh_for_each && shared.pending()) next.emplace(setting.launch, setting.host);
    if (!kernel) {
      UnitRun run = not_run(unit, "kernel did not start: " + kernel.error().describe(),
                            setting.reference, judge);
      run.kernel_lost = true;
      shared.done(*k, std::move(run));
    } else {
      UnitRun run = run_unit(setting, shared, unit, **kernel, working, judge, prelude_ran);
      if (run.kernel_lost || setting.fresh_for_each) {
        setting.reaper.retire(std::move(kernel).value());
        kernel = Error{"the kernel was retired", ""};
        if (!next && shared.pending()) next.emplace(setting.launch, setting.host);
      }
      shared.done(*k, std::move(run));
    }
    if (next) {
      kernel = next->take();
      prelude_ran = false;
    }
  }
  if (kernel) setting.reaper.retire(std::move(kernel).value());
}

// The source's run from its units' runs, in the notebook's order: each executed cell put back
// where it belongs in `notebook`.
check::JudgedRun assemble(Notebook notebook, std::vector<std::optional<UnitRun>> runs) {
  check::JudgedRun judged;
  for (std::optional<UnitRun>& run : runs) {
    if (!run) continue;
    for (std::size_t c = 0; c < run->cells.size(); ++c) {
      notebook.cells().at(run->cells[c].index) = std::move(run->executed[c]);
      judged.run.cells.push_back(std::move(run->cells[c]));
      judged.verdicts.push_back(std::move(run->verdicts[c]));
    }
    judged.run.warnings.insert(judged.run.warnings.end(), run->warnings.begin(),
                               run->warnings.end());
    judged.run.kernel_lost = judged.run.kernel_lost || run->kernel_lost;
  }
  judged.run.notebook = std::move(notebook);
  return judged;
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
  std::vector<std::size_t> order(units.size());
  for (std::size_t k = 0; k < units.size(); ++k)
    order[k] = k;
  SharedUnits shared(units, std::move(order), std::vector<double>(units.size(), 0.0));
  return execute_shared_units(reference, shared, std::move(kernels), options, judge, continue_after,
                              nullptr);
}

check::JudgedRun execute_shared_units(const Notebook& reference, SharedUnits& shared,
                                      UnitKernels kernels, const ExecuteOptions& options,
                                      check::CellJudge& judge,
                                      const ContinueAfterVerdict& continue_after,
                                      UnitBoard* board) {
  const UnitSetting setting{reference,      kernels.launch,         kernels.host,
                            kernels.reaper, kernels.fresh_for_each, options,
                            continue_after};
  Notebook working = reference;
  if (board != nullptr) {
    // A helper judges with a copy of the judge as it was before any unit ran.
    const check::CellJudge pristine = judge;
    board->post(shared, [&setting, &pristine](SharedUnits& units) {
      // Claimed before its kernel starts: the unit is this worker's whoever is quicker.
      const std::optional<std::size_t> first = units.claim();
      if (!first) return;
      WarmKernel warm(setting.launch, setting.host);
      Notebook copy = setting.reference;
      check::CellJudge own = pristine;
      run_claimed(setting, units, warm.take(), copy, own, first);
    });
    run_claimed(setting, shared, std::move(kernels.first), working, judge);
    board->withdraw(shared);
    shared.wait_for_helpers();
  } else {
    run_claimed(setting, shared, std::move(kernels.first), working, judge);
  }
  return assemble(std::move(working), shared.take_runs());
}

} // namespace docnb
