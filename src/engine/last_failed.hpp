// Remembering which sources failed, so `--last-failed` can run just those again.
#pragma once

#include "report/source_result.hpp"

#include <filesystem>
#include <optional>
#include <set>
#include <vector>

namespace docnb {

// The default record: .docnb/last-failed.json under the working directory.
std::filesystem::path last_failed_path(const std::filesystem::path& cwd);

// The sources that failed in the recorded run; nullopt when there is no usable record (then
// everything runs, as pytest's --last-failed does).
std::optional<std::set<std::filesystem::path>> read_last_failed(const std::filesystem::path& file);

// Records this run's failed sources (and their failed example ids, for people and tools).
Status write_last_failed(const std::filesystem::path& file,
                         const std::vector<SourceResult>& results);

// `sources` limited to the recorded failures, when there is a record.
std::vector<std::filesystem::path>
select_last_failed(const std::vector<std::filesystem::path>& sources,
                   const std::optional<std::set<std::filesystem::path>>& failed);

} // namespace docnb
