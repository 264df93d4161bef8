// Finding the sources a run covers.
#pragma once

#include "support/result.hpp"

#include <filesystem>
#include <vector>

namespace docnb {

struct Discovery {
  std::vector<std::filesystem::path> notebooks; // sorted, no duplicates
  std::vector<Error> problems;                  // paths that do not exist or cannot be read
};

// Every .ipynb under `roots` (a root may also be a notebook itself), skipping
// .ipynb_checkpoints, build/ and hidden folders, and anything under `exclude`.
Discovery discover_notebooks(const std::vector<std::filesystem::path>& roots,
                             const std::filesystem::path& exclude = {});

} // namespace docnb
