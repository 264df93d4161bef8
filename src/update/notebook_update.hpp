// --update for a .ipynb: which cells take their fresh outputs.
//
// A cell takes the fresh outputs when it ran to the end and its verdict failed on its outputs
// (or its stored copy was never run): exactly the cells a following --check would otherwise
// fail. A cell that passed keeps its stored outputs, since they already match under the
// configured rules (sanitizers, NBVAL_IGNORE_OUTPUT, tolerance, images not compared), and
// rewriting them would change the file on every run; it only takes the fresh execution count
// (in its execute_result outputs too). Cells not run (NBVAL_SKIP, skip-execution, after a dead
// kernel, timed out) and cells whose failure is in the code rather than in the stored outputs
// (an unexpected exception, a missing expected one) keep what is stored.
#pragma once

#include "check/check_cell.hpp"
#include "check/judge.hpp"
#include "notebook/notebook.hpp"

#include <vector>

namespace docnb {

struct NotebookUpdate {
  Notebook notebook;              // the reference with the chosen fresh outputs and counts
  std::vector<std::size_t> cells; // code cells (N of "Cell N") whose outputs were replaced
  bool changed = false;           // differs from the reference at all (counts included)
};

[[nodiscard]] NotebookUpdate updated_notebook(const Notebook& reference,
                                              const check::JudgedRun& judged,
                                              const check::CheckOptions& options);

} // namespace docnb
