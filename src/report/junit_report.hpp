// The run as JUnit XML, the one test-report format GitHub, GitLab and Jenkins all read.
#pragma once

#include "report/source_result.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

// <testsuites> with one <testsuite> per source and one <testcase> per verdict; a failure
// carries its reason as the message and its diffs as the body. A source that could not run
// is a testsuite holding one testcase with an <error>. `totals` must be RunTotals::add over
// `results`; the root's counts come from it.
[[nodiscard]] std::string junit_report(const std::vector<SourceResult>& results,
                                       const RunTotals& totals, const std::filesystem::path& cwd);

// Text made safe for XML 1.0 content, or for an attribute value in double quotes when
// `attribute` is set: markup escaped, terminal escape sequences and characters XML forbids
// removed, malformed UTF-8 replaced with U+FFFD.
[[nodiscard]] std::string xml_escape(std::string_view text, bool attribute);

} // namespace docnb
