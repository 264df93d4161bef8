// The sub-commands: each registers its options on the app and runs from them.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace docnb::cli {

// Registers the sub-command; returns what to run when it was chosen (its exit code).
// `command_line` (docnb's argv) is what the reports say was run.
std::function<int()> add_run_command(CLI::App& app, std::vector<std::string> command_line);
std::function<int()> add_kernels_command(CLI::App& app);
std::function<int()> add_cache_command(CLI::App& app);
std::function<int()> add_convert_command(CLI::App& app);
std::function<int()> add_list_command(CLI::App& app);
std::function<int()> add_report_command(CLI::App& app);

} // namespace docnb::cli
