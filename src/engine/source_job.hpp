// One source's way through a run, as explicit stages: prepared (read, converted, planned, looked
// up in the cache, its kernel warming), then run (executed or served, judged once, written).
#pragma once

#include "check/cell_skips.hpp"
#include "check/judge.hpp"
#include "engine/cache.hpp"
#include "engine/kernel_pool.hpp"
#include "engine/planned_source.hpp"
#include "engine/run_config.hpp"
#include "report/source_result.hpp"
#include "support/stop_request.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace docnb {

class GatewayClient;
class UnitBoard;

// What a prepared source needs next.
struct Unreadable {
  Error error; // nothing runs: an unreadable source, an unusable kernel
};
struct NothingToRun {}; // a page without code, a module without examples
struct Decided {        // every cell decided without a kernel
  check::JudgedRun judged;
  bool cached = false; // served whole from the cache; else every cell was skipped
};
struct ToRun {
  WarmKernel kernel; // starting while the worker finishes its current source
  // Examples a failing module's stored run served (they passed then): their cells and verdicts.
  check::ExampleIds served;
  check::JudgedRun stored;
};
using NextStage = std::variant<Unreadable, NothingToRun, Decided, ToRun>;

struct PreparedSource {
  std::size_t index = 0; // into the run's sources
  std::filesystem::path path;
  std::optional<PlannedSource> planned; // absent only when unreadable
  std::string cache_id;                 // the source's id in the cache; empty without one
  std::string cache_key;                // empty: the run is not stored
  NextStage next;
};

// What every source of a run shares.
struct RunContext {
  const RunConfig& config;
  KernelHost& host;
  const std::filesystem::path& runtime_dir;
  ForkServers& fork_servers;
  KernelReaper& reaper;
  Cache* cache = nullptr;     // null: nothing served or stored
  std::string config_digest;  // execution_fingerprint(config)
  std::string depends_digest; // of the declared dependencies
  const check::RequirementContext& requirements;
  const StopRequest* stop = nullptr;      // the run's request to stop, when it can be stopped
  const GatewayClient* gateway = nullptr; // kernels start there when set
  // Where a module's examples are offered to idle workers (-j above 1), and the recorded
  // durations that order them (engine/shared_units.hpp, engine/unit_durations.hpp).
  UnitBoard* board = nullptr;
  const std::map<std::string, double>* durations = nullptr;
};

// Prepares source `index` at `path`; `converted`, when given, is the source already read (for
// shard selection) instead of reading it again.
[[nodiscard]] PreparedSource prepare_source(const RunContext& context, std::size_t index,
                                            const std::filesystem::path& path,
                                            std::optional<converters::Converted> converted);

// Runs a prepared source to its result: executed or served, judged, --update applied, and the
// executed notebook written.
[[nodiscard]] SourceResult run_source(const RunContext& context, PreparedSource& prepared);

} // namespace docnb
