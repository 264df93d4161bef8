// --update for Markdown, rst and docstrings: which wants take what their cells printed.
//
// A cell with a want whose verdict failed takes what it printed; a want-less cell takes what it
// printed when that is something (write_back inserts it only after Markdown python fences).
// Cells not run to the end, skipped, or that raised (or did not raise against
// NBVAL_RAISES_EXCEPTION) are left out: their failure is in the code, not in the want. The
// verdicts decide, so deferred output and every comparison rule (ELLIPSIS, normalisation,
// IGNORE_WANT) decide exactly as a following --check would.
#pragma once

#include "check/doctest_plan.hpp"
#include "check/judge.hpp"
#include "converters/source.hpp"

#include <vector>

namespace docnb {

[[nodiscard]] std::vector<converters::FreshOutput>
fresh_text_outputs(const Notebook& reference, const check::JudgedRun& judged,
                   const check::CheckOptions& options, const check::DoctestPlan& plan);

} // namespace docnb
