// The order work starts in: longest first, from the durations recorded by earlier runs, so
// the slowest source does not start last and leave the other workers idle at the end.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace docnb {

// Indices into `ids`, in the order to start them: sources never timed first (they may be
// long, and nothing says otherwise), in their given order; then the timed ones, longest
// first, ties in their given order.
std::vector<std::size_t> longest_first(const std::vector<std::string>& ids,
                                       const std::map<std::string, double>& durations);

} // namespace docnb
