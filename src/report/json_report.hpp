// The run as one JSON document, for scripts and dashboards that read results back.
#pragma once

#include "report/source_result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace docnb {

// {"examples": [{file, example, cells, line, status, reason, details, seconds}...],
//  "errors": [{file, message, where}...], "warnings": [{file, message}...],
//  "totals": {passed, failed, skipped}, "incomplete": bool, "stopped_by": "SIGTERM"}
// ("stopped_by" only when a signal stopped the run, which makes it incomplete).
// Sources that could not run go to "errors" and count nowhere in "totals", so the totals
// stay a count of examples. tests/report/report.schema.json is the contract.
[[nodiscard]] std::string json_report(const std::vector<SourceResult>& results,
                                      const RunTotals& totals, const std::filesystem::path& cwd);

// The path every report names a source by: relative to cwd when it lies under it, with '/'
// separators, so CI tools can match it against the repository checkout.
[[nodiscard]] std::string report_path(const std::filesystem::path& source,
                                      const std::filesystem::path& cwd);

// The name of a verdict's example in reports: its example id, or "cell N" when it has none.
[[nodiscard]] std::string example_name(const Verdict& verdict);
// The name without its file, for places that name the file already: "Cell 3" out of
// "docs/intro.ipynb::Cell 3" (the console, GitHub's annotations).
[[nodiscard]] std::string example_in_file(const Verdict& verdict);

} // namespace docnb
