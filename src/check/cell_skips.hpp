// Which cells of a source run, decided as each is reached: nbval's markers, a text cell's
// doctest plan (SKIP, unmet REQUIRES, a directive that cannot be honoured), rst's `:skipif:`
// (evaluated in the kernel), and the parts of a docstring example after one that failed.
#pragma once

#include "check/check_cell.hpp"
#include "check/doctest_plan.hpp"
#include "execute/execute_notebook.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace docnb::check {

// The example a cell of a text source belongs to (empty for a notebook cell).
[[nodiscard]] ExampleId example_of(const Json& cell);

using ExampleIds = std::set<ExampleId>;

// `base` with the skip decisions and per-cell timeouts (TIMEOUT directives) of a source:
// `ended` holds the examples that stopped at a failing part; a `:skipif:` that raises is a
// warning "FILE:LINE: ..." in `warnings` (and the block runs). The references must outlive
// the options.
[[nodiscard]] ExecuteOptions
cell_execution_options(const ExecuteOptions& base, CompareMode mode, const DoctestPlan& plan,
                       const ExampleIds& ended,
                       const std::string& file, std::vector<std::string>& warnings);

// The run of a notebook none of whose code cells would run (each blank or skipped by
// `options`), with each cell skipped for its reason; nullopt when some cell needs a kernel
// (to run, or to evaluate its `:skipif:`).
[[nodiscard]] std::optional<NotebookRun> run_without_kernel(const Notebook& notebook,
                                                            const ExecuteOptions& options);

} // namespace docnb::check
