// Running one notebook, cell by cell, in one kernel.
#pragma once

#include "client/kernel_connection.hpp"
#include "notebook/notebook.hpp"
#include "support/stop_request.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace docnb {

// Evaluates a Python expression in the notebook's kernel, in the namespace its cells run in
// (execute_request's user_expressions): its text/plain, or the error it raised.
using EvaluateInKernel = std::function<Result<std::string>(const std::string& expression)>;

// --max-output-bytes when not given: generous for real output, small enough that a flood
// cannot take a CI machine's memory.
inline constexpr std::size_t default_max_output_bytes = std::size_t{64} << 20;

struct ExecuteOptions {
  std::optional<std::chrono::milliseconds> cell_timeout; // none: wait as long as it takes
  // After an interrupt, how long the kernel has to report idle before it is killed; also how
  // long to wait for the half (reply or idle) of a finished cell that has not arrived yet.
  std::chrono::milliseconds interrupt_grace{5'000};
  std::optional<std::string> stdin_text; // answers input() when set; else input() fails
  bool record_timing = true;
  // What one cell's outputs may hold (--max-output-bytes; 0: no bound). Past it the output is
  // truncated with a note of what was dropped, and the cell fails for it unless
  // fail_on_truncated_output is off (--max-output-action=warn: a warning instead).
  std::size_t max_output_bytes = default_max_output_bytes;
  bool fail_on_truncated_output = true;
  // Cells the caller does not want executed (skip-execution, NBVAL_SKIP: check/cell_policy), by
  // index into the cells array, asked just before each cell runs: the reason, or nullopt to run.
  // It may evaluate an expression in the kernel to decide (rst's `:skipif:`).
  std::function<std::optional<std::string>(std::size_t index, const Json& cell,
                                           const EvaluateInKernel& evaluate)>
      skip_cell;
  // A cell's own time limit (a TIMEOUT(s) directive) in place of cell_timeout, when it has one.
  std::function<std::optional<std::chrono::milliseconds>(std::size_t index)> cell_timeout_for;
  // The run's request to stop (a signal), when it can be stopped: at finish_running the running
  // cell is interrupted (and killed if it does not stop within interrupt_grace), at abort its
  // kernel is killed; no further cell runs.
  const StopRequest* stop = nullptr;
  // The code sent for a cell in place of its source, for a cell that has other code (a doctest
  // part's call of docnb's doctest runner); the cell keeps its source. Before the first such
  // cell of a run, `prelude` (an expression: what that code needs) is evaluated silently.
  std::function<std::optional<std::string>(const Json& cell)> code_for;
  std::string prelude;
};

// How a cell ran (not how it was judged: that is check/'s Verdict).
enum class CellStatus {
  ok,          // the reply said ok
  error,       // the reply said error, or an error output arrived
  aborted,     // the kernel aborted the request
  timed_out,   // interrupted (or killed) after the timeout
  kernel_died, // the kernel died while the cell ran
  not_run,     // a previous cell's kernel died or was killed
  skipped,     // empty, or the caller's skip_cell said so (reason: why)
};

std::string_view to_string(CellStatus status);

// Whether the cell ran to its end, raising or not (rather than timing out, dying or not running).
[[nodiscard]] inline bool ran_to_the_end(CellStatus status) {
  return status == CellStatus::ok || status == CellStatus::error;
}

// The reason of a cell skipped because its source is blank (nothing is sent to the kernel).
inline constexpr std::string_view empty_cell_reason = "empty cell";

struct CellRun {
  std::size_t index = 0;              // into the notebook's cells array
  CellStatus status = CellStatus::ok; // how it ran (not how it was judged)
  std::string reason;                 // for anything but ok and skipped
  bool reply_error = false;           // the execute_reply said status "error"
  double seconds = 0;
};

// Called for every code cell in order, once its run is over (executed, skipped or not run);
// returning false after an executed cell stops the notebook there, and the remaining cells are
// reported not run.
using OnCell = std::function<bool(const Json& cell, const CellRun& run)>;

struct NotebookRun {
  Notebook notebook;          // with fresh outputs, execution counts and timings
  std::vector<CellRun> cells; // code cells only, in order
  bool kernel_lost = false;   // the kernel died or was killed: do not reuse it
  bool prelude_ran = false;   // options.prelude was evaluated in the kernel
  std::vector<std::string> warnings;
};

// Executes the code cells `cells` (indices into its cells array, in order) of `notebook` in
// `kernel` (which must be ready); the other cells are left as they are and not reported. Never
// throws for anything a kernel does: failures are statuses.
NotebookRun execute_cells(Notebook notebook, std::span<const std::size_t> cells,
                          KernelConnection& kernel, const ExecuteOptions& options,
                          const OnCell& on_cell = {});

// The indices of every code cell of `notebook`, in order.
[[nodiscard]] std::vector<std::size_t> code_cells_of(const Notebook& notebook);

// Executes every code cell of `notebook`.
NotebookRun execute_notebook(Notebook notebook, KernelConnection& kernel,
                             const ExecuteOptions& options, const OnCell& on_cell = {});

} // namespace docnb
