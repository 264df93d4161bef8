// One verdict per example of a text source, from the verdicts of its parts (cells).
//
// xdoctest's rules: the first failing part fails the example (the engine does not run the
// parts after it); an example is skipped only when every part is; otherwise it passed, and says
// how many of its parts were skipped. A docstring example's namespace cell is not a part: its
// failure (a module that does not import) fails the example, its passing does not make the
// example run. A page's hidden setup and cleanup cells are not examples: they are reported only
// when they fail.
#pragma once

#include "check/verdict.hpp"

#include <vector>

namespace docnb::check {

// Consecutive verdicts of text-source cells that share an example id become one; notebook
// cells' verdicts pass through unchanged.
[[nodiscard]] std::vector<Verdict> merge_example_parts(std::vector<Verdict> parts);

} // namespace docnb::check
