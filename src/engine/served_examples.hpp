// A docstring module served in part from its stored run: its examples are isolated from each
// other (a fresh namespace each), so of a module whose stored run failed, the examples that
// passed are taken from that run and only the failing ones run again.
#pragma once

#include "check/cell_skips.hpp"
#include "check/judge.hpp"
#include "notebook/notebook.hpp"

#include <vector>

namespace docnb {

// The ids of the examples of `notebook` none of whose cells failed in `verdicts`.
[[nodiscard]] check::ExampleIds passed_examples(const Notebook& notebook,
                                                const std::vector<Verdict>& verdicts);

// Puts the cells of the `served` examples of `stored` (outputs, counts, stamps, how each ran
// and its verdict) into `fresh`, which left them out; cells stay in the notebook's order.
void serve_examples(const Notebook& reference, const check::ExampleIds& served,
                    const check::JudgedRun& stored, check::JudgedRun& fresh);

} // namespace docnb
