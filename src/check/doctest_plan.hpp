// The doctest options in force for each code cell of a text source, decided before it runs.
//
// Cells of one example (the same metadata "docnb.example") share block-scoped directives in
// source order, as the parts of one xdoctest example do; a new example starts from xdoctest's
// defaults plus the block's own "options". Inline directives apply to their cell only. SKIP
// and unmet REQUIRES make a cell skipped; a malformed directive makes it fail. A docstring
// example's namespace cell (the import of its module) is skipped when every part of the
// example is: xdoctest imports the module only before the first part that runs.
#pragma once

#include "check/directives.hpp"
#include "check/requirements.hpp"
#include "notebook/notebook.hpp"

#include <optional>
#include <string>
#include <vector>

namespace docnb::check {

struct CellDoctest {
  DoctestOptions options;
  std::optional<std::string> skip;    // why the cell is not run
  std::optional<std::string> invalid; // a directive that cannot be honoured: the cell fails
};

struct DoctestPlan {
  std::vector<std::optional<CellDoctest>> cells; // by cell index; nullopt: not a text cell
  std::vector<std::string> warnings;             // "path:line: message"
};

// Directive typos are reported for every code cell, notebooks' included.
[[nodiscard]] DoctestPlan plan_doctest_cells(const Notebook& notebook,
                                             const RequirementContext& requirements);

// The directive typos of every code cell alone (plan_doctest_cells reports them too), for
// commands that only read sources.
[[nodiscard]] std::vector<std::string> directive_warnings(const Notebook& notebook);

// A part of an example (not a hidden cell) that holds only comments and directives: xdoctest
// counts it as skipped, so an example whose other parts are all skipped is skipped, not passed.
[[nodiscard]] bool is_comment_only_part(const Json& cell);

} // namespace docnb::check
