#include "engine/judge_execution.hpp"

#include <algorithm>

namespace docnb {
namespace {

bool expects_error(const Json& cell) {
  const auto metadata = cell.find("metadata");
  if (metadata == cell.end() || !metadata->is_object()) return false;
  if (const auto tags = metadata->find("tags"); tags != metadata->end() && tags->is_array()) {
    for (const Json& tag : *tags) {
      if (tag == "raises-exception" || tag == "nbval-raises-exception") return true;
    }
  }
  const std::string source = cell.value("source", "");
  return source.find("# NBVAL_RAISES_EXCEPTION") != std::string::npos;
}

std::string first_line(const Json& cell) {
  const std::string source = cell.value("source", "");
  return source.substr(0, source.find('\n'));
}

} // namespace

std::vector<Verdict> judge_execution(const NotebookRun& run) {
  std::vector<Verdict> verdicts;
  const Json& cells = run.notebook.cells();
  for (const CellRun& cell_run : run.cells) {
    const Json& cell = cells.at(cell_run.index);
    Verdict verdict;
    verdict.cell = cell_run.index;
    verdict.first_line = first_line(cell);
    verdict.seconds = cell_run.seconds;
    verdict.reason = cell_run.reason;
    switch (cell_run.outcome) {
    case CellOutcome::ok:
      verdict.status = VerdictStatus::passed;
      if (expects_error(cell)) {
        verdict.status = VerdictStatus::failed;
        verdict.reason = "marked raises-exception, but raised nothing";
      }
      break;
    case CellOutcome::error:
      verdict.status = expects_error(cell) ? VerdictStatus::passed : VerdictStatus::failed;
      if (verdict.status == VerdictStatus::passed) verdict.reason.clear();
      break;
    case CellOutcome::skipped:
      verdict.status = VerdictStatus::skipped;
      break;
    case CellOutcome::aborted:
    case CellOutcome::timed_out:
    case CellOutcome::kernel_died:
    case CellOutcome::not_run:
      verdict.status = VerdictStatus::failed;
      break;
    }
    verdicts.push_back(std::move(verdict));
  }
  return verdicts;
}

} // namespace docnb
