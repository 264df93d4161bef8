// The HTML report: one self-contained page rendered from the JSON report alone, so that
// `docnb report r.json --html out.html` writes what `docnb run --html` wrote.
//
// A header with the summary line, the totals, the wall time, the slowest examples and the
// command line; the sources that could not run; then every source, failing ones first, each
// with its examples (failures open, passes and skips collapsed when script runs). A filter
// (all / failed / skipped) works with CSS alone; a text search needs the page's script.
#pragma once

#include "report/html_example.hpp"
#include "support/result.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace docnb {

// An error when `report` is not a JSON report of docnb's (a key of the wrong type).
[[nodiscard]] Result<std::string> html_report(const nlohmann::json& report,
                                              const SourceLinks& links);

// `argv` as a shell command line, each argument quoted when it needs to be.
[[nodiscard]] std::string shell_command(const nlohmann::json& argv);

} // namespace docnb
