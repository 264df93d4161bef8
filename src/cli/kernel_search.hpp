// The kernelspec folders a command searches: docnb's own (docnb-python) and then Jupyter's;
// --kernel-path replaces them all.
#pragma once

#include "client/kernelspec.hpp"
#include "client/process.hpp"

#include <filesystem>
#include <vector>

namespace docnb::cli {

inline std::vector<std::filesystem::path>
kernel_search_folders(const std::vector<std::filesystem::path>& kernel_path) {
  if (!kernel_path.empty()) return kernel_path;
  return kernel_search_path(current_environment(), bundled_kernelspec_folders());
}

} // namespace docnb::cli
