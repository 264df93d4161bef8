#include "engine/shard.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <optional>

namespace docnb {
namespace {

std::optional<std::size_t> parse_count(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

} // namespace

Result<ShardSpec> parse_shard(std::string_view text) {
  const std::size_t slash = text.find('/');
  const Error invalid{"expected K/N with 1 <= K <= N, got `" + std::string(text) + "`", "--shard"};
  if (slash == std::string_view::npos) return invalid;
  const std::optional<std::size_t> index = parse_count(text.substr(0, slash));
  const std::optional<std::size_t> count = parse_count(text.substr(slash + 1));
  if (!index || !count || *index < 1 || *count < 1 || *index > *count) return invalid;
  return ShardSpec{*index, *count};
}

std::vector<std::size_t> shard_members(const std::vector<std::string>& ids,
                                       const std::map<std::string, double>& durations,
                                       const ShardSpec& shard) {
  double known_total = 0;
  std::size_t known = 0;
  for (const std::string& id : ids) {
    if (const auto found = durations.find(id); found != durations.end() && found->second >= 0) {
      known_total += found->second;
      ++known;
    }
  }
  const double fallback = known > 0 ? known_total / static_cast<double>(known) : 1.0;
  std::vector<double> weight(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto found = durations.find(ids[i]);
    weight[i] = found != durations.end() && found->second >= 0 ? found->second : fallback;
  }
  std::vector<std::size_t> order(ids.size());
  std::iota(order.begin(), order.end(), 0);
  // Ties broken by id, not by position: every CI job must compute the same split.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (weight[a] != weight[b]) return weight[a] > weight[b];
    return ids[a] < ids[b];
  });
  std::vector<double> load(shard.count, 0.0);
  std::vector<std::size_t> members;
  for (const std::size_t i : order) {
    const auto lightest =
        static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    load[lightest] += weight[i];
    if (lightest + 1 == shard.index) members.push_back(i);
  }
  std::sort(members.begin(), members.end());
  return members;
}

} // namespace docnb
