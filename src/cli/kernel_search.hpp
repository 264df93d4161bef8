// The kernelspec folders a command searches: --kernel-path replaces Jupyter's defaults.
#pragma once

#include "client/kernelspec.hpp"
#include "client/process.hpp"

#include <filesystem>
#include <vector>

namespace docnb::cli {

inline std::vector<std::filesystem::path>
kernel_search_folders(const std::vector<std::filesystem::path>& kernel_path) {
  if (!kernel_path.empty()) return kernel_path;
  return kernel_search_path(current_environment());
}

} // namespace docnb::cli
