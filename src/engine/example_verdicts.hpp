// One verdict per example of a text source, from the verdicts of its parts (cells).
//
// xdoctest's rules: the first failing part fails the example (later parts' verdicts do not
// count, as xdoctest would not have run them); an example is skipped only when every part is;
// otherwise it passed, and says how many of its parts were skipped. A hidden setup cell is
// not a part: its failure (a module that does not import) fails the example, its passing
// does not make the example run.
#pragma once

#include "engine/source_result.hpp"

#include <vector>

namespace docnb {

// Consecutive verdicts of text-source cells that share an example id become one; notebook
// cells' verdicts pass through unchanged.
[[nodiscard]] std::vector<Verdict> merge_example_parts(std::vector<Verdict> parts);

} // namespace docnb
