// --update and --diff: deciding what fresh outputs go back into a source, and writing them.
//
// A .ipynb cell takes the fresh outputs when it ran to the end and the check failed on its
// outputs (or its stored copy was never run): exactly the cells a following --check would
// otherwise fail. A cell that passed keeps its stored outputs, since they already match under
// the configured rules (sanitizers, NBVAL_IGNORE_OUTPUT, tolerance, images not compared), and
// rewriting them would change the file on every run; it only takes the fresh execution count
// (in its execute_result outputs too).
// Markdown, rst and docstring sources follow the same policy for their wants
// (fresh_text_outputs); scripts hold none.
// Cells not run (NBVAL_SKIP, skip-execution, after a dead kernel, timed out) and cells whose
// failure is in the code rather than in the stored outputs (an unexpected exception, a
// missing expected one) keep what is stored.
#pragma once

#include "check/check_cell.hpp"
#include "check/doctest_plan.hpp"
#include "converters/source.hpp"
#include "engine/run_config.hpp"
#include "engine/source_result.hpp"
#include "execute/execute_notebook.hpp"
#include "notebook/notebook.hpp"
#include "support/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb {

// A notebook read from disk together with the exact bytes it was read from, so that a
// rewrite can notice that the file changed while it ran.
struct NotebookSnapshot {
  Notebook notebook;
  std::string bytes;
};

[[nodiscard]] Result<NotebookSnapshot> read_notebook_snapshot(const std::filesystem::path& path);

struct NotebookUpdate {
  Notebook notebook;              // the reference with the chosen fresh outputs and counts
  std::vector<std::size_t> cells; // cells whose outputs were replaced
  bool changed = false;           // differs from the reference at all (counts included)
};

// The reference notebook as --update would leave it (rules at the top of this file).
[[nodiscard]] NotebookUpdate updated_notebook(const Notebook& reference, const NotebookRun& run,
                                              const check::CheckOptions& options);

// The outputs a Markdown or rst source takes (converters::write_back): a cell with a want
// whose check failed, by what it printed; a want-less cell, by what it printed when that is
// something (write_back inserts it only after Markdown python fences). Cells not run to the
// end, skipped, or that raised (or did not raise against NBVAL_RAISES_EXCEPTION) are left out:
// their failure is in the code, not in the want.
[[nodiscard]] std::vector<converters::FreshOutput>
fresh_text_outputs(const Notebook& reference, const NotebookRun& run,
                   const check::CheckOptions& options, const check::DoctestPlan& plan);

// What --update / --diff do with the source at `path` (bytes `original` when read), given its
// kind, reference notebook, doctest plan and the run. Notebooks, Markdown, rst and docstrings
// are rewritten; percent and gallery scripts have nothing to rewrite.
[[nodiscard]] SourceUpdate update_source(const std::filesystem::path& path,
                                         const std::string& original, converters::SourceKind kind,
                                         const Notebook& reference, const check::DoctestPlan& plan,
                                         const NotebookRun& run, const RunConfig& config);

// Rewrites `path`, whose bytes were `original` when read, with `replacement` (nullopt: no
// change) as `writes` asks: written only with --update, only when the file still holds
// `original` right before the rename; a diff when --diff asked for one.
[[nodiscard]] SourceUpdate apply_source_update(const std::filesystem::path& path,
                                               const std::string& original,
                                               const std::optional<std::string>& replacement,
                                               std::vector<std::size_t> cells,
                                               const SourceWrites& writes);

} // namespace docnb
