#include "engine/shard_selection.hpp"

#include "engine/cache.hpp"
#include "engine/planned_source.hpp"

namespace docnb {
namespace fs = std::filesystem;
namespace {

struct Unit {
  std::size_t source = 0;
  std::string example; // empty: the whole source
};

// Narrows the run's selection of `source` to the shard's `examples`; false when the command
// line named examples of it and the shard holds none of them.
bool narrow(const fs::path& source, const std::set<std::string, std::less<>>& examples,
            ShardSelection& selection) {
  std::set<std::string, std::less<>>& kept = selection.selected_examples[canonical_source(source)];
  if (kept.empty()) {
    kept = examples;
    return true;
  }
  std::erase_if(kept, [&](const std::string& name) { return !examples.contains(name); });
  return !kept.empty();
}

} // namespace

ShardSelection select_shard(const std::vector<fs::path>& sources, const ShardSpec& shard,
                            const RunConfig& config, Cache* cache) {
  ShardSelection selection;
  selection.selected_examples = config.selected_examples;
  const std::map<std::string, double> recorded =
      cache != nullptr ? cache->durations() : std::map<std::string, double>{};
  std::vector<std::string> ids;
  std::vector<Unit> units;
  std::map<std::string, double> weights;
  std::vector<std::optional<converters::Converted>> read(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::string id = source_id(sources[i], config.project_root);
    const auto duration = recorded.find(id);
    std::vector<std::string> names;
    if (Result<converters::Converted> converted = read_and_convert(sources[i], config, cache)) {
      names = example_names(*converted);
      read[i] = std::move(converted).value();
    }
    if (names.empty()) {
      ids.push_back(id);
      units.push_back({i, ""});
      if (duration != recorded.end()) weights[id] = duration->second;
      continue;
    }
    for (const std::string& name : names) {
      ids.push_back(id + "::" + name);
      units.push_back({i, name});
      if (duration != recorded.end()) {
        weights[ids.back()] = duration->second / static_cast<double>(names.size());
      }
    }
  }
  std::map<std::size_t, std::set<std::string, std::less<>>> chosen;
  for (const std::size_t member : shard_members(ids, weights, shard))
    chosen[units[member].source].insert(units[member].example);
  for (auto& [index, examples] : chosen) {
    if (!examples.contains("") && !narrow(sources[index], examples, selection)) continue;
    selection.sources.push_back(sources[index]);
    if (read[index]) selection.already_read.emplace(sources[index], std::move(*read[index]));
  }
  return selection;
}

} // namespace docnb
