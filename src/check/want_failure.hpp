// The failed verdict of a doctest-style example whose output is not its want: the reason, and
// the want against the got as a unified diff.
#pragma once

#include "check/verdict.hpp"

#include <string>
#include <string_view>

namespace docnb::check {

// How the two sides are shown: `trimmed` as the lenient rules compare them (trailing whitespace
// dropped), `exact` as stdlib doctest compares them (only a final newline added).
enum class DiffEnds { trimmed, exact };

// No diff when both sides are empty.
[[nodiscard]] Verdict want_failure(std::string reason, std::string_view want = {},
                                   std::string_view got = {}, DiffEnds ends = DiffEnds::trimmed);

} // namespace docnb::check
