// The scheduler: runs sources on N workers, each driving its own kernel, the next source's
// kernel warming while the current one runs.
#pragma once

#include "converters/source.hpp"
#include "engine/run_config.hpp"
#include "report/source_result.hpp"
#include "support/stop_request.hpp"

#include <filesystem>
#include <functional>
#include <map>
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
  // Once requested, no further source starts and the running cells are interrupted (or, at
  // abort, their kernels killed): support/stop_request.hpp.
  const StopRequest* stop = nullptr;
  // Every kernel starts on this Jupyter Server or Enterprise Gateway (config.gateway, reached
  // and checked by the caller), and is deleted there when its source is done.
  const GatewayClient* gateway = nullptr;
};

// Sources read before the run (to split them into shards), by path: the run uses them rather
// than read them again.
using AlreadyRead = std::map<std::filesystem::path, converters::Converted>;

// Runs `sources` and returns their results in the same order; a run stopped by `hooks.stop`
// returns those of the sources that finished (the running ones included), in that order.
std::vector<SourceResult> run_notebooks(const RunConfig& config,
                                        const std::vector<std::filesystem::path>& sources,
                                        const SourceFinished& on_finished,
                                        const RunHooks& hooks = {}, AlreadyRead already_read = {});

} // namespace docnb
