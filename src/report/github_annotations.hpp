// Failures as GitHub Actions workflow commands, so they show on the pull request's diff.
#pragma once

#include "report/source_result.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

// One `::error file=F,line=L,title=T::MESSAGE` line per failed example and per source that
// could not run, and one `::warning` per source warning. GitHub cannot point into a notebook
// cell, so a .ipynb failure points at line 1 and its message names the cell.
[[nodiscard]] std::string github_annotations(const std::vector<SourceResult>& results,
                                             const RunTotals& totals,
                                             const std::filesystem::path& cwd);

// GitHub's escaping for a workflow command's message: % \r \n.
[[nodiscard]] std::string escape_annotation_message(std::string_view text);

// GitHub's escaping for a property value (file=, title=): the message's, plus : and ,.
[[nodiscard]] std::string escape_annotation_property(std::string_view text);

} // namespace docnb
