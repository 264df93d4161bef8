// Which sources (and which examples of a docstring module) shard K/N of a run covers.
#pragma once

#include "engine/run_config.hpp"
#include "engine/run_notebooks.hpp"
#include "engine/shard.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace docnb {

struct ShardSelection {
  std::vector<std::filesystem::path> sources;
  // config.selected_examples narrowed to the examples of the modules this shard holds part of.
  std::map<std::filesystem::path, std::set<std::string, std::less<>>> selected_examples;
  AlreadyRead already_read; // the docstring modules read to split them, for the run to use
};

// A notebook or page is one unit (its cells share a kernel); a docstring module is one unit per
// example, since examples are independent. Units weigh their recorded durations (a module's
// split evenly among its examples). A module that cannot be read is one unit: the run reports
// it.
[[nodiscard]] ShardSelection select_shard(const std::vector<std::filesystem::path>& sources,
                                          const ShardSpec& shard, const RunConfig& config,
                                          Cache* cache);

} // namespace docnb
