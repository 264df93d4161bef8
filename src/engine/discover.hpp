// Finding the sources a run covers.
#pragma once

#include "support/result.hpp"

#include <filesystem>
#include <functional>
#include <vector>

namespace docnb {

struct Discovery {
  std::vector<std::filesystem::path> sources; // sorted, no duplicates
  std::vector<Error> problems;                // paths that do not exist or cannot be read
};

// Whether docnb runs a file (a notebook, a Markdown page, ...): converters::source_kind.
using SourceFilter = std::function<bool(const std::filesystem::path&)>;

// Every source under `roots` (a root may also be a source itself), skipping
// .ipynb_checkpoints, build/ and hidden folders, and anything under `exclude`. A file named
// as a root that the filter refuses is a problem; one found in a folder is passed over.
Discovery discover_sources(const std::vector<std::filesystem::path>& roots,
                           const SourceFilter& is_source,
                           const std::filesystem::path& exclude = {});

} // namespace docnb
