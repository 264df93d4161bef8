// A verdict per code cell: nbval's --nbval / --nbval-lax rules, a little stricter.
//
// In order: a skipped cell is skipped; an error where none was expected fails; a cell marked
// to raise that did not raise fails (nbval lets it pass); a reference cell never run
// (execution_count null) that still holds outputs fails, in every mode, as in nbval;
// otherwise outputs are compared when the policy says so and the reference cell was run.
#pragma once

#include "check/cell_policy.hpp"
#include "check/compare.hpp"
#include "check/verdict.hpp"
#include "notebook/notebook.hpp"

#include <nlohmann/json.hpp>

namespace docnb::check {

using Json = nlohmann::json;

struct CheckOptions {
  CompareMode mode = CompareMode::strict;
  CompareOptions compare;
};

// Whether `outputs` (an nbformat outputs array) hold an error output.
[[nodiscard]] bool has_error(const Json& outputs);

// `outputs` are what one execution of the cell produced (clear_output already applied);
// `reply_error`: its execute_reply said "error", with or without an error output. Fills the
// verdict's outcome, reason, details (one per differing field) and warnings.
[[nodiscard]] Verdict check_cell(const Json& reference_cell, const Json& outputs, bool reply_error,
                                 const CheckOptions& options);

} // namespace docnb::check
