#include "execute/execute_notebook.hpp"

#include "execute/cell_execution.hpp"
#include "execute/output_assembler.hpp"
#include "notebook/source_map.hpp"
#include "support/text.hpp"

#include <algorithm>

namespace docnb {
namespace {

std::optional<std::string> skip_reason(const ExecuteOptions& options, KernelConnection& kernel,
                                       std::size_t index, const Json& cell,
                                       const std::string& source) {
  if (is_blank(source)) return std::string(empty_cell_reason);
  if (!options.skip_cell) return std::nullopt;
  const EvaluateInKernel evaluate = [&](const std::string& expression) {
    return evaluate_in_kernel(kernel, expression, options.interrupt_grace);
  };
  return options.skip_cell(index, cell, evaluate);
}

// A cell whose output was cut at --max-output-bytes fails for it, or (warn) says so.
void note_truncation(const ExecuteOptions& options, std::size_t dropped, const Json& cells,
                     CellRun& result, std::vector<std::string>& warnings) {
  const std::string note = truncation_note(dropped, options.max_output_bytes);
  if (!options.fail_on_truncated_output) {
    // Named as the reports name the example: a page's by file:line, a notebook's "Cell N".
    const std::optional<SourceMap> map = source_map_of(cells.at(result.index));
    const std::string where = map && !map->example.empty()
                                  ? map->example.str()
                                  : "Cell " + std::to_string(code_cell_number(cells, result.index));
    warnings.push_back(where + ": " + note);
  } else if (result.status == CellStatus::ok || result.status == CellStatus::error) {
    result.status = CellStatus::aborted;
    result.reason = note + (result.reason.empty() ? "" : "; " + result.reason);
  }
}

// The code to send for `cell`, once the prelude it needs has run (a failed prelude is a
// warning: the cell then fails for what it lacks, with the kernel's own error).
std::optional<std::string> code_to_send(const ExecuteOptions& options, KernelConnection& kernel,
                                        const Json& cell, bool& prelude_done,
                                        std::vector<std::string>& warnings) {
  if (!options.code_for) return std::nullopt;
  std::optional<std::string> code = options.code_for(cell);
  if (code && !prelude_done && !options.prelude.empty()) {
    prelude_done = true;
    if (Result<std::string> done =
            evaluate_in_kernel(kernel, options.prelude, options.interrupt_grace);
        !done) {
      warnings.push_back("docnb's doctest runner did not install: " + done.error().describe());
    }
  }
  return code;
}

} // namespace

std::string_view to_string(CellStatus status) {
  switch (status) {
  case CellStatus::ok:
    return "ok";
  case CellStatus::error:
    return "error";
  case CellStatus::aborted:
    return "aborted";
  case CellStatus::timed_out:
    return "timed out";
  case CellStatus::kernel_died:
    return "kernel died";
  case CellStatus::not_run:
    return "not run";
  case CellStatus::skipped:
    return "skipped";
  }
  return "unknown";
}

std::vector<std::size_t> code_cells_of(const Notebook& notebook) {
  std::vector<std::size_t> indices;
  const Json& cells = notebook.cells();
  for (std::size_t index = 0; index < cells.size(); ++index) {
    if (cells[index].value("cell_type", "") == "code") indices.push_back(index);
  }
  return indices;
}

NotebookRun execute_cells(Notebook notebook, std::span<const std::size_t> indices,
                          KernelConnection& kernel, const ExecuteOptions& options,
                          const OnCell& on_cell) {
  NotebookRun run;
  bool stopped = false;
  // As nbclient does: the executed notebook says which language (version) ran it.
  if (const auto info = kernel.kernel_info().find("language_info");
      info != kernel.kernel_info().end() && info->is_object()) {
    notebook.document["metadata"]["language_info"] = *info;
  }
  Json& cells = notebook.cells();
  OutputAssembler assembler(cells, options.max_output_bytes);
  bool prelude_done = false;
  for (const std::size_t index : indices) {
    Json& cell = cells.at(index);
    CellRun result;
    result.index = index;
    const std::string source = cell.value("source", "");
    if (options.stop != nullptr && options.stop->requested()) {
      result.status = CellStatus::not_run;
      result.reason = "not run: the run was " + options.stop->describe();
    } else if (run.kernel_lost || stopped) {
      result.status = CellStatus::not_run;
      result.reason = stopped ? "not run: the notebook stopped at its first failure"
                              : "not run: the kernel was lost in an earlier cell";
    } else if (std::optional<std::string> skip =
                   skip_reason(options, kernel, index, cell, source)) {
      result.status = CellStatus::skipped;
      result.reason = std::move(*skip);
      cell["execution_count"] = nullptr;
    } else {
      cell["execution_count"] = nullptr;
      if (cell.contains("metadata") && cell["metadata"].is_object())
        cell["metadata"].erase("execution");
      const std::optional<std::string> code =
          code_to_send(options, kernel, cell, prelude_done, run.warnings);
      assembler.start_cell(index);
      result = execute_cell(kernel, options, assembler, cell, index, run.kernel_lost, code);
      if (const std::size_t dropped = assembler.finish_cell(); dropped > 0) {
        note_truncation(options, dropped, cells, result, run.warnings);
      }
      if (on_cell && !on_cell(cell, result)) stopped = true;
      run.cells.push_back(std::move(result));
      continue;
    }
    if (on_cell) (void)on_cell(cell, result);
    run.cells.push_back(std::move(result));
  }
  run.prelude_ran = prelude_done;
  for (const std::string& reason : kernel.dropped()) {
    run.warnings.push_back("dropped a message from the kernel: " + reason);
  }
  run.notebook = std::move(notebook);
  return run;
}

NotebookRun execute_notebook(Notebook notebook, KernelConnection& kernel,
                             const ExecuteOptions& options, const OnCell& on_cell) {
  const std::vector<std::size_t> indices = code_cells_of(notebook);
  return execute_cells(std::move(notebook), indices, kernel, options, on_cell);
}

} // namespace docnb
