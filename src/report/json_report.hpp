// The run as one JSON document, for scripts and dashboards that read results back, and the
// one input of the HTML report (html_report.hpp).
#pragma once

#include "report/source_result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace docnb {

// What the report says about the run as a whole.
struct ReportRun {
  std::vector<std::string> command; // docnb's argv
  double seconds = 0;               // wall time
};

// {"examples": [{file, example, cells, line, located, first_line, status, reason, details,
//  seconds, parts, text}...], "errors": [{file, message, where}...], "warnings": [{file,
//  message}...], "totals": {passed, failed, skipped}, "incomplete": bool, "stopped_by":
//  "SIGTERM", "sources": [{file, status, seconds, cached, warnings}...], "slowest": [...],
//  "command": [...], "seconds": S} ("stopped_by" only when a signal stopped the run, which
//  makes it incomplete).
// Sources that could not run go to "errors" and count nowhere in "totals", so the totals
// stay a count of examples. An example's "parts" hold its cells' code and outputs when the
// results kept them (SourceResult::contents). tests/report/report.schema.json is the contract.
[[nodiscard]] std::string json_report(const std::vector<SourceResult>& results,
                                      const RunTotals& totals, const std::filesystem::path& cwd,
                                      const ReportRun& run = {});

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
