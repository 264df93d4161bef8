// A verdict per code cell: how it executed, then what it produced against what was stored.
#pragma once

#include "check/check_cell.hpp"
#include "check/doctest_plan.hpp"
#include "engine/source_result.hpp"
#include "execute/execute_notebook.hpp"

#include <vector>

namespace docnb {

// Execution failures (timeouts, dead kernels, cells not run) fail a cell whatever was
// stored; otherwise the checker decides: the doctest rules for cells of text sources (those
// `plan` covers), nbval's rules for notebook cells. Marker conflicts go to `warnings`.
std::vector<Verdict> judge_notebook(const Notebook& reference, const NotebookRun& run,
                                    const check::CheckOptions& options,
                                    const check::DoctestPlan& plan,
                                    std::vector<std::string>& warnings);

// The same judgement for one cell, as soon as it has run (for --exitfirst-per-notebook).
VerdictStatus judge_cell(const Json& reference_cell, const Json& executed_cell, const CellRun& run,
                         const check::CheckOptions& options, const check::DoctestPlan& plan);

} // namespace docnb
