// The sub-commands: each registers its options on the app and runs from them.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace docnb::cli {

// Registers the sub-command; returns what to run when it was chosen (its exit code).
std::function<int()> add_run_command(CLI::App& app);
std::function<int()> add_kernels_command(CLI::App& app);
std::function<int()> add_cache_command(CLI::App& app);
std::function<int()> add_convert_command(CLI::App& app);
std::function<int()> add_list_command(CLI::App& app);

} // namespace docnb::cli
