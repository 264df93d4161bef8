// The names of what a comparison does to both sides before comparing them, for reports: a
// reader of a failure sees which rules were in force ("ELLIPSIS", "streams merged", ...).
#pragma once

#include "check/cell_policy.hpp"
#include "check/compare.hpp"
#include "check/directives.hpp"

#include <string>
#include <vector>

namespace docnb::check {

// A doctest part's directives in force, by their directive names (ELLIPSIS, FLOAT_CMP, ...).
[[nodiscard]] std::vector<std::string> doctest_normalisations(const DoctestOptions& options);

// A notebook cell's rules under nbval's checker: merged streams, sanitizers, tolerance,
// fields left out, and the cell's markers.
[[nodiscard]] std::vector<std::string> output_normalisations(const CompareOptions& options,
                                                             const CellPolicy& policy);

} // namespace docnb::check
