// A docstring module served in part from its stored run: its examples are isolated from each
// other (a fresh namespace each), so of a module whose stored run failed, the examples that
// passed are taken from that run and only the failing ones run again.
#pragma once

#include "engine/cell_skips.hpp"
#include "engine/source_result.hpp"
#include "execute/execute_notebook.hpp"
#include "notebook/notebook.hpp"

#include <vector>

namespace docnb {

// The ids of the examples of `notebook` none of whose cells failed in `verdicts`.
[[nodiscard]] ExampleIds passed_examples(const Notebook& notebook,
                                         const std::vector<Verdict>& verdicts);

// Puts the cells of the `served` examples of `stored` (outputs, counts, stamps, and how each
// ran) in place of the ones `run` skipped or left out.
void serve_examples(const Notebook& reference, const ExampleIds& served, const NotebookRun& stored,
                    NotebookRun& run);

} // namespace docnb
