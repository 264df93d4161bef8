// `docnb run --list-json`: the examples a run would check, with every option of the run read
// and checked, and nothing run. pytest's plugin collects its items from it.
#pragma once

#include "engine/run_config.hpp"
#include "support/result.hpp"

#include <filesystem>
#include <vector>

namespace docnb::cli {

// One JSON line per example (as `docnb list --json`) and one {"file", "error", "where"} line
// per source that cannot be read (the discovery's problems included); warnings go to stderr.
// Returns the exit code: 0, or 2 when a source could not be read.
int print_run_listing(const std::vector<std::filesystem::path>& sources,
                      const std::vector<Error>& problems, const RunConfig& config);

} // namespace docnb::cli
