#include "engine/example_kernels.hpp"

#include "engine/cell_skips.hpp"

#include <algorithm>

namespace docnb {
namespace {

constexpr std::chrono::milliseconds shutdown_grace{2'000};

} // namespace

NotebookRun execute_each_example_alone(const Notebook& reference, const KernelLaunch& launch,
                                       std::unique_ptr<KernelConnection> first, KernelHost& host,
                                       KernelReaper& reaper, const ExecuteOptions& execute,
                                       const ContinueAfter& continue_after,
                                       const ExampleIds& leave_out) {
  std::vector<std::string> examples;
  for (const Json& cell : reference.cells()) {
    const std::string id = example_of(cell);
    if (cell.value("cell_type", "") == "code" && !id.empty() && !leave_out.contains(id) &&
        std::find(examples.begin(), examples.end(), id) == examples.end()) {
      examples.push_back(id);
    }
  }
  NotebookRun combined;
  combined.notebook = reference;
  KernelStart kernel = std::move(first);
  for (std::size_t k = 0; k < examples.size(); ++k) {
    std::optional<WarmKernel> next;
    if (k + 1 < examples.size()) next.emplace(launch, host);
    ExecuteOptions alone = execute;
    alone.skip_cell = [&own = examples[k], inner = execute.skip_cell](
                          std::size_t index, const Json& cell,
                          const EvaluateInKernel& evaluate) -> std::optional<std::string> {
      if (example_of(cell) != own) return "another example's kernel runs it";
      return inner ? inner(index, cell, evaluate) : std::nullopt;
    };
    if (kernel) {
      NotebookRun part = execute_notebook(reference, **kernel, alone, continue_after);
      reaper.retire(std::move(kernel).value(), shutdown_grace);
      for (CellRun& cell_run : part.cells) {
        if (example_of(reference.cells().at(cell_run.index)) != examples[k]) continue;
        combined.notebook.cells().at(cell_run.index) = part.notebook.cells().at(cell_run.index);
        combined.cells.push_back(std::move(cell_run));
      }
      combined.kernel_lost = combined.kernel_lost || part.kernel_lost;
      combined.warnings.insert(combined.warnings.end(), part.warnings.begin(), part.warnings.end());
    } else {
      for (std::size_t index = 0; index < reference.cells().size(); ++index) {
        const Json& cell = reference.cells()[index];
        if (cell.value("cell_type", "") != "code" || example_of(cell) != examples[k]) continue;
        CellRun not_run;
        not_run.index = index;
        not_run.outcome = CellOutcome::not_run;
        not_run.reason = "kernel did not start: " + kernel.error().describe();
        combined.cells.push_back(std::move(not_run));
      }
      combined.kernel_lost = true;
    }
    if (next) kernel = next->take();
  }
  std::sort(combined.cells.begin(), combined.cells.end(),
            [](const CellRun& a, const CellRun& b) { return a.index < b.index; });
  return combined;
}

} // namespace docnb
