// A verdict per code cell: how it executed, then what it produced against what was stored.
#pragma once

#include "check/check_cell.hpp"
#include "check/doctest_plan.hpp"
#include "engine/source_result.hpp"
#include "execute/execute_notebook.hpp"

#include <vector>

namespace docnb {

// Judges the cells of one notebook in order, as they run or afterwards. Execution failures
// (timeouts, dead kernels, cells not run) fail a cell whatever was stored; otherwise the
// checker decides: the doctest rules for cells of text sources (those `plan` covers), with the
// output the want-less parts of the same example printed before (deferred output), nbval's
// rules for notebook cells. Marker conflicts go to `warnings`.
class CellJudge {
public:
  CellJudge(const Notebook& reference, const check::CheckOptions& options,
            const check::DoctestPlan& plan, std::vector<std::string>& warnings)
      : reference_(reference), options_(options), plan_(plan), warnings_(warnings) {}

  // The next code cell of the run; cells must come in the order they ran.
  Verdict judge(const CellRun& run, const Json& executed_cell);

private:
  const Notebook& reference_;
  const check::CheckOptions& options_;
  const check::DoctestPlan& plan_;
  std::vector<std::string>& warnings_;
  std::size_t code_index_ = 0;
  std::string deferred_example_;
  std::vector<std::string> deferred_printed_;
};

// Every cell of a finished run, judged by a CellJudge.
std::vector<Verdict> judge_notebook(const Notebook& reference, const NotebookRun& run,
                                    const check::CheckOptions& options,
                                    const check::DoctestPlan& plan,
                                    std::vector<std::string>& warnings);

} // namespace docnb
