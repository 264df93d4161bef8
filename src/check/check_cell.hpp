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
#include <span>
#include <vector>

namespace docnb::check {

using Json = nlohmann::json;

struct CheckOptions {
  CompareMode mode = CompareMode::strict;
  CompareOptions compare;
};

// What one execution of the cell produced.
struct CellRun {
  Json outputs = Json::array();    // final nbformat outputs (clear_output already applied)
  bool reply_status_error = false; // execute_reply said "error", with or without an output
};

[[nodiscard]] Verdict check_cell(const Json& reference_cell, const CellRun& run,
                                 const CheckOptions& options);
// The same, for outputs held elsewhere (an executed notebook's cell): they are not copied.
[[nodiscard]] Verdict check_cell(const Json& reference_cell, const Json& outputs,
                                 bool reply_status_error, const CheckOptions& options);

// One verdict per code cell of `reference`, paired by position with the code cells of
// `executed`. `reply_status_errors[i]`, when given, is the i-th code cell's reply status.
[[nodiscard]] std::vector<Verdict> check_notebook(const Notebook& reference,
                                                  const Notebook& executed,
                                                  const CheckOptions& options,
                                                  std::span<const bool> reply_status_errors = {});

} // namespace docnb::check
