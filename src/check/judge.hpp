// The verdict of each code cell of a run: how it executed, then what it produced against what
// its source says, from the executed notebook's copy of the cell.
#pragma once

#include "check/check_cell.hpp"
#include "check/doctest_plan.hpp"
#include "check/verdict.hpp"
#include "execute/execute_notebook.hpp"

#include <vector>

namespace docnb::check {

// Judges the cells of one notebook, each example's cells in the order they ran. Execution
// failures (timeouts, dead kernels, cells not run) fail a cell whatever was stored; otherwise
// the checker decides: the doctest rules for cells of text sources (those `plan` covers), with
// the output the want-less parts of the same example printed before (deferred output), nbval's
// rules for notebook cells.
class CellJudge {
public:
  CellJudge(const Notebook& reference, const CheckOptions& options, const DoctestPlan& plan);

  // The verdict of one code cell of the run, from the executed notebook's copy of it.
  Verdict judge(const CellRun& run, const Json& executed_cell);

private:
  const Notebook& reference_;
  const CheckOptions& options_;
  const DoctestPlan& plan_;
  std::vector<std::size_t> code_ordinal_; // by cell index: its number among code cells
  ExampleId deferred_example_;
  std::vector<std::string> deferred_printed_;
};

// A run with the verdict of each of its code cells, in the order of run.cells.
struct JudgedRun {
  NotebookRun run;
  std::vector<Verdict> verdicts;
};

// Judges every cell of a finished run.
[[nodiscard]] JudgedRun judge_run(const Notebook& reference, NotebookRun run,
                                  const CheckOptions& options, const DoctestPlan& plan);

} // namespace docnb::check
