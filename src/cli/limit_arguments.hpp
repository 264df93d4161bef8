// The options that bound what a run may cost: how much output a cell may keep
// (--max-output-bytes, --max-output-action, or `[tool.docnb]` max_output_bytes and
// max_output_action) and how long a kernel's shutdown may take (--shutdown-grace).
#pragma once

#include "engine/project_config.hpp"
#include "engine/run_config.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace docnb::cli {

// Unset values take the project's, then the defaults.
struct LimitArguments {
  std::optional<std::size_t> max_output_bytes;  // default execute/'s default_max_output_bytes
  std::optional<std::string> max_output_action; // fail (default) | warn
  double shutdown_grace = 3;
};

void add_limit_options(CLI::App& command, LimitArguments& args);

// Sets the run's bounds from the command line, else the project's configuration.
void apply_limits(const LimitArguments& args, const ProjectConfig& project, RunConfig& config);

} // namespace docnb::cli
