// Everything a run needs to know, built once by the command line and passed down.
#pragma once

#include "check/check_cell.hpp"
#include "client/gateway_settings.hpp"
#include "converters/source.hpp"
#include "execute/execute_notebook.hpp"
#include "update/source_update.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace docnb {

// The key of a source in RunConfig::selected_examples.
[[nodiscard]] inline std::filesystem::path canonical_source(const std::filesystem::path& path) {
  std::error_code ignored;
  return std::filesystem::weakly_canonical(std::filesystem::absolute(path), ignored);
}

// Below it, a kernel of its own (a fork, the module's import in each example's namespace
// cell) costs a helping worker about as much as it saves.
inline constexpr double default_split_min_seconds = 0.5;

struct RunConfig {
  std::vector<std::filesystem::path> paths;
  std::filesystem::path out_dir = "build/docnb";
  std::optional<std::string> kernel_name;           // --kernel; else the notebook's own
  std::vector<std::filesystem::path> kernel_search; // folders holding kernelspecs, in order
  // --strict-kernel: a notebook's kernelspec that is not installed is an error, never replaced
  bool strict_kernel = false;
  std::string python_executable = "/usr/bin/python3";
  // The environment kernels start with (docnb's own, with VIRTUAL_ENV set by --python-path).
  std::map<std::string, std::string> kernel_environment;
  std::chrono::milliseconds startup_timeout{60'000};
  // --shutdown-grace: how long a kernel's shutdown may take, shutdown_request then SIGTERM
  // then SIGKILL, before the run moves on (and, at its end, exits).
  std::chrono::milliseconds shutdown_grace{3'000};
  unsigned jobs = 1;
  ExecuteOptions execute;
  check::CheckOptions check;
  bool exit_first_per_notebook = false; // stop a notebook at its first failing cell
  SourceWrites source_writes;
  std::set<std::string, std::less<>> requirement_flags; // --flag: REQUIRES(--name) is met
  converters::ConvertOptions convert; // which files are sources, and how they are read
  // `path::callname:N` on the command line: only those examples of a source run. Keyed by the
  // source's canonical path, so that `./pkg/mod.py` and `pkg/mod.py` name the same file.
  std::map<std::filesystem::path, std::set<std::string, std::less<>>> selected_examples;
  // Content cache (engine/cache.hpp): unchanged sources are re-checked from stored outputs.
  bool use_cache = true;              // --no-cache: never served from or stored in it
  std::filesystem::path project_root; // cache, depends globs and duration ids are under it
  std::vector<std::string> depends;   // --depends and [tool.docnb] depends: globs
  // Off under --shard: shard jobs sharing one checkout must all split by the same durations.
  bool record_durations = true;
  bool fresh_kernel_per_example = false; // docstring examples: a kernel each, not a reset
  // --split-min: a worker with nothing else to do helps with a running docstring module's
  // examples (engine/shared_units.hpp) when those left are expected to take at least this
  // long; negative: never.
  double split_min_seconds = default_split_min_seconds;
  // Python kernels (ipykernel, docnb-kernel) fork from a server that imported them once
  // (client/fork_server.hpp); --no-fork and `fork = false` start each plainly.
  bool fork = true;
  std::vector<std::string> preload; // --preload: modules every fork server imports once
  // A report shows each cell's code and outputs (--json, --html): results keep them.
  bool keep_cell_contents = false;
  // --gateway-url and its companions: kernels run on a Jupyter Server or Enterprise Gateway.
  GatewaySettings gateway;
};

} // namespace docnb
