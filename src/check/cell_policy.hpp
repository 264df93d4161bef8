// What to do with one code cell, from nbval's comment markers and cell tags.
//
// Comment markers are lines whose text, after stripping blanks and every leading '#', is
// exactly one of NBVAL_IGNORE_OUTPUT, PYTEST_VALIDATE_IGNORE_OUTPUT (legacy),
// NBVAL_CHECK_OUTPUT, NBVAL_SKIP, NBVAL_RAISES_EXCEPTION. Tags are the same names in lower
// case with '-' (nbval-ignore-output, ...), plus `raises-exception` and `skip-execution`.
// Markers and tags set three independent options (compare outputs, skip, raises); for each
// option the last comment wins over earlier ones, comments win over tags, the last tag wins
// over earlier tags, and every such conflict is a warning.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace docnb::check {

using Json = nlohmann::json;

// --nbval compares every cell's outputs unless told otherwise; --nbval-lax only those
// marked NBVAL_CHECK_OUTPUT / nbval-check-output.
enum class CompareMode { strict, lax };

struct CellPolicy {
  bool skip = false;             // not executed, not compared
  bool compare_outputs = true;   // stored outputs are checked against the new ones
  bool raises_exception = false; // an error is expected (and required, stricter than nbval)
  std::vector<std::string> warnings;
};

// The policy for a code cell (nbformat JSON; `source` may be a string or a list of lines).
[[nodiscard]] CellPolicy cell_policy(const Json& cell, CompareMode mode);

} // namespace docnb::check
