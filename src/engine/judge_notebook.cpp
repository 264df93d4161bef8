#include "engine/judge_notebook.hpp"

namespace docnb {
namespace {

std::string first_line(const Json& cell) {
  const std::string source = cell.value("source", "");
  return source.substr(0, source.find('\n'));
}

bool execution_failed(CellOutcome outcome) {
  return outcome == CellOutcome::aborted || outcome == CellOutcome::timed_out ||
         outcome == CellOutcome::kernel_died || outcome == CellOutcome::not_run;
}

VerdictStatus to_status(check::Outcome outcome) {
  switch (outcome) {
  case check::Outcome::passed:
    return VerdictStatus::passed;
  case check::Outcome::failed:
    return VerdictStatus::failed;
  case check::Outcome::skipped:
    return VerdictStatus::skipped;
  }
  return VerdictStatus::failed;
}

check::Verdict check_one(const Json& reference_cell, const Json& executed_cell, const CellRun& run,
                         const check::CheckOptions& options) {
  check::CellRun got;
  got.outputs = executed_cell.value("outputs", Json::array());
  got.reply_status_error = run.reply_error;
  return check::check_cell(reference_cell, got, options);
}

} // namespace

VerdictStatus judge_cell(const Json& reference_cell, const Json& executed_cell, const CellRun& run,
                         const check::CheckOptions& options) {
  if (execution_failed(run.outcome)) return VerdictStatus::failed;
  return to_status(check_one(reference_cell, executed_cell, run, options).outcome);
}

std::vector<Verdict> judge_notebook(const Notebook& reference, const NotebookRun& run,
                                    const check::CheckOptions& options,
                                    std::vector<std::string>& warnings) {
  std::vector<Verdict> verdicts;
  const Json& reference_cells = reference.cells();
  const Json& executed_cells = run.notebook.cells();
  const std::string file = reference.path.string();
  std::size_t code_index = 0;
  for (const CellRun& cell_run : run.cells) {
    const Json& reference_cell = reference_cells.at(cell_run.index);
    Verdict verdict;
    verdict.cell = cell_run.index;
    verdict.line = cell_run.index;
    verdict.example = file + "::Cell " + std::to_string(code_index++);
    verdict.first_line = first_line(reference_cell);
    verdict.seconds = cell_run.seconds;
    if (execution_failed(cell_run.outcome)) {
      verdict.status = VerdictStatus::failed;
      verdict.reason = cell_run.reason;
    } else {
      const check::Verdict checked =
          check_one(reference_cell, executed_cells.at(cell_run.index), cell_run, options);
      verdict.status = to_status(checked.outcome);
      verdict.reason = checked.reason;
      // A failed reply without an error output (ipykernel's %bad_magic) names its error only
      // in the reply.
      if (cell_run.reply_error && verdict.status == VerdictStatus::failed &&
          verdict.reason.find(cell_run.reason) == std::string::npos) {
        verdict.reason += " (" + cell_run.reason + ")";
      }
      for (const check::KeyDiff& diff : checked.diffs) {
        verdict.details.push_back(diff.message + (diff.diff.empty() ? "" : "\n" + diff.diff));
      }
      for (const std::string& warning : checked.warnings) {
        warnings.push_back("cell " + std::to_string(cell_run.index) + ": " + warning);
      }
    }
    verdicts.push_back(std::move(verdict));
  }
  return verdicts;
}

} // namespace docnb
