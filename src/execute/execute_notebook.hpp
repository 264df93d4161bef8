// Running one notebook, cell by cell, in one kernel.
#pragma once

#include "client/kernel_connection.hpp"
#include "notebook/notebook.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace docnb {

// Evaluates a Python expression in the notebook's kernel, in the namespace its cells run in
// (execute_request's user_expressions): its text/plain, or the error it raised.
using EvaluateInKernel = std::function<Result<std::string>(const std::string& expression)>;

struct ExecuteOptions {
  std::optional<std::chrono::milliseconds> cell_timeout; // none: wait as long as it takes
  // After an interrupt, how long the kernel has to report idle before it is killed; also how
  // long to wait for the half (reply or idle) of a finished cell that has not arrived yet.
  std::chrono::milliseconds interrupt_grace{5'000};
  std::optional<std::string> stdin_text; // answers input() when set; else input() fails
  bool record_timing = true;
  // Cells the caller does not want executed (skip-execution, NBVAL_SKIP: check/cell_policy), by
  // index into the cells array, asked just before each cell runs: the reason, or nullopt to run.
  // It may evaluate an expression in the kernel to decide (rst's `:skipif:`).
  std::function<std::optional<std::string>(std::size_t index, const Json& cell,
                                           const EvaluateInKernel& evaluate)>
      skip_cell;
  // A cell's own time limit (a TIMEOUT(s) directive) in place of cell_timeout, when it has one.
  std::function<std::optional<std::chrono::milliseconds>(std::size_t index)> cell_timeout_for;
};

enum class CellOutcome {
  ok,          // the reply said ok
  error,       // the reply said error, or an error output arrived
  aborted,     // the kernel aborted the request
  timed_out,   // interrupted (or killed) after the timeout
  kernel_died, // the kernel died while the cell ran
  not_run,     // a previous cell's kernel died or was killed
  skipped,     // empty, or the caller's skip_cell said so (reason: why)
};

std::string_view to_string(CellOutcome outcome);

// The reason of a cell skipped because its source is blank (nothing is sent to the kernel).
inline constexpr std::string_view empty_cell_reason = "empty cell";

struct CellRun {
  std::size_t index = 0; // into the notebook's cells array
  CellOutcome outcome = CellOutcome::ok;
  std::string reason;       // for anything but ok and skipped
  bool reply_error = false; // the execute_reply said status "error"
  double seconds = 0;
};

// Called after each executed cell; returning false stops the notebook there, and the
// remaining cells are reported not run.
using ContinueAfter = std::function<bool(const Json& cell, const CellRun& run)>;

struct NotebookRun {
  Notebook notebook;          // with fresh outputs, execution counts and timings
  std::vector<CellRun> cells; // code cells only, in order
  bool kernel_lost = false;   // the kernel died or was killed: do not reuse it
  std::vector<std::string> warnings;
};

// Executes every code cell of `notebook` in `kernel` (which must be ready). Never throws for
// anything a kernel does: failures are outcomes.
NotebookRun execute_notebook(Notebook notebook, KernelConnection& kernel,
                             const ExecuteOptions& options,
                             const ContinueAfter& continue_after = {});

} // namespace docnb
