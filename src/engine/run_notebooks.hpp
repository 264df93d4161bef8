// The scheduler: runs notebooks on N workers, each driving its own kernel.
#pragma once

#include "engine/run_config.hpp"
#include "engine/source_result.hpp"

#include <filesystem>
#include <functional>
#include <vector>

namespace docnb {

class Cache;
class GatewayClient;

// Called once per finished source, never concurrently.
using SourceFinished = std::function<void(const SourceResult&)>;

struct RunHooks {
  // Served from and stored into (unless config.use_cache is off); its recorded durations order
  // the work longest first. None: everything runs, in the given order.
  Cache* cache = nullptr;
  // Called as a source starts running, never concurrently with itself or on_finished.
  std::function<void(const std::filesystem::path&)> on_started;
  // Every kernel starts on this Jupyter Server or Enterprise Gateway (config.gateway, reached
  // and checked by the caller), and is deleted there when its source is done.
  const GatewayClient* gateway = nullptr;
};

// Runs `notebooks` and returns their results in the same order.
std::vector<SourceResult> run_notebooks(const RunConfig& config,
                                        const std::vector<std::filesystem::path>& notebooks,
                                        const SourceFinished& on_finished,
                                        const RunHooks& hooks = {});

// Where the executed copy of `source` goes: under `out_dir`, mirroring the source's path
// relative to the working directory (or its absolute path, made relative, outside it), always
// as a .ipynb (a converted intro.md is published as intro.ipynb).
std::filesystem::path output_path_for(const std::filesystem::path& source,
                                      const std::filesystem::path& out_dir);

} // namespace docnb
