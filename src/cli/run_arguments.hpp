// `docnb run`'s options: what the command line holds, how it is registered, and the one
// RunConfig it becomes (with the project's [tool.docnb]).
#pragma once

#include "cli/docstring_arguments.hpp"
#include "cli/gateway_arguments.hpp"
#include "cli/limit_arguments.hpp"
#include "cli/rules_arguments.hpp"
#include "engine/run_config.hpp"
#include "support/result.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace docnb::cli {

struct RunArguments {
  std::vector<std::filesystem::path> paths;
  std::filesystem::path out_dir = "build/docnb";
  std::string kernel;
  std::vector<std::filesystem::path> kernel_path;
  bool strict_kernel = false;
  double timeout = 0;
  double startup_timeout = 60;
  double interrupt_grace = 5;
  LimitArguments limits; // --max-output-bytes, --max-output-action, --shutdown-grace
  std::string stdin_text;
  bool stdin_given = false;
  unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
  std::string python = "/usr/bin/python3";
  std::filesystem::path python_path; // a virtual environment the kernels import from first
  bool lax = false;
  std::vector<std::filesystem::path> sanitize_files;
  std::vector<std::string> sanitize_names;
  bool check_images = false;
  std::string float_tolerance;
  bool exit_first = false;
  std::vector<std::string> skip_compare;
  std::filesystem::path json_file;
  std::filesystem::path junit_file;
  std::filesystem::path html_file;
  std::string html_source_url;
  std::vector<std::string> command_line; // docnb's argv, for the reports
  bool last_failed = false;
  bool update = false;
  bool check = false;
  bool diff = false;
  std::vector<std::string> flags;
  std::vector<std::string> gallery_patterns;
  DocstringArguments docstrings; // xdoctest's configuration keys
  RulesArguments rules;          // --rules, --sphinx-conf
  bool txt_as_rst = false;
  bool no_cache = false;
  std::vector<std::string> depends;
  std::string shard;
  bool fresh_kernel_per_example = false;
  double split_min_seconds = default_split_min_seconds;
  bool no_fork = false;
  std::vector<std::string> preload;
  bool list_json = false;
  GatewayArguments gateway;
};

// Registers every option of `docnb run` on `command`, each filling `args`.
void add_run_options(CLI::App& command, const std::shared_ptr<RunArguments>& args);

// The run's configuration: the arguments over the project's [tool.docnb] (found from the
// current folder); an error names the option or file that is wrong.
[[nodiscard]] Result<RunConfig> to_config(const RunArguments& args, bool colour);

} // namespace docnb::cli
