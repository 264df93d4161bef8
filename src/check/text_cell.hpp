// Verdicts for the code cells of text sources (Markdown, rst, scripts, docstrings), whose
// expectation is a doctest want in its source map (notebook/source_map.hpp) rather than
// stored outputs.
//
// What a cell "printed" is its stdout plus the text/plain of its result, in output order; a
// want may also match the stdout alone or the result alone (xdoctest falls back from stdout
// to the value's repr). A want that is a traceback is matched against the exception raised.
// A cell without a want passes when it raises nothing. nbval's markers keep their meaning:
// NBVAL_IGNORE_OUTPUT ignores the want, NBVAL_RAISES_EXCEPTION expects an error.
//
// Deferred output (xdoctest's default): what the want-less cells just before this one in the
// same example printed is queued, and a want may also match any tail of that queue followed by
// this cell's own output, so `print('a')` / `print('b')` then the want `b` passes.
#pragma once

#include "check/cell_policy.hpp"
#include "check/directives.hpp"
#include "check/verdict.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>

namespace docnb::check {

using Json = nlohmann::json;

struct DoctestGot {
  std::string printed;                  // stdout streams and the result, in order
  std::string stdout_text;              // stdout streams only
  std::optional<std::string> result;    // text/plain of the execute_result
  std::optional<std::string> exception; // "ValueError: bad", as Python prints its last line
  // The exception came in doctest's own form (traceback.format_exception_only's last line,
  // module-qualified), from docnb's doctest runner, rather than as the kernel's ename: evalue.
  bool doctest_form = false;
};

[[nodiscard]] DoctestGot doctest_got(const Json& outputs);

// The want of a text source's cell (its source map's want); nullopt when it has none.
[[nodiscard]] std::optional<std::string> want_of(const Json& cell);

// The want a cell's `outputs` make, for --update: a block of a page shows what a REPL shows
// (its stdout, then its value); a docstring part what xdoctest compares: its stdout, else its
// value's repr (None included, for a part evaluated for its value).
[[nodiscard]] std::string want_from_outputs(const Json& reference_cell, const Json& outputs);

// `deferred`: the printed output of the preceding want-less cells of the example, oldest first.
[[nodiscard]] Verdict check_text_cell(const Json& reference_cell, const Json& outputs,
                                      bool reply_error, const DoctestOptions& options,
                                      const CellPolicy& policy,
                                      std::span<const std::string> deferred = {});

} // namespace docnb::check
