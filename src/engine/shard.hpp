// Splitting the sources of a run into N shards, so that N CI jobs cover everything once.
#pragma once

#include "support/result.hpp"

#include <map>
#include <string>
#include <vector>

namespace docnb {

struct ShardSpec {
  std::size_t index = 1; // K, 1-based
  std::size_t count = 1; // N
};

// "K/N" with 1 <= K <= N.
Result<ShardSpec> parse_shard(std::string_view text);

// The positions in `ids` that shard `shard` runs. Deterministic for the same ids and
// durations, whatever their order: ids are placed longest first (ties by id) each on the
// shard with the least total so far (ties: the lowest shard). Sources without a recorded
// duration weigh the mean of the recorded ones, or 1 when none is recorded, which makes the
// split one by count. Every id lands in exactly one shard.
std::vector<std::size_t> shard_members(const std::vector<std::string>& ids,
                                       const std::map<std::string, double>& durations,
                                       const ShardSpec& shard);

} // namespace docnb
