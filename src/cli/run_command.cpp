#include "cli/commands.hpp"
#include "cli/kernel_search.hpp"
#include "engine/discover.hpp"
#include "engine/run_notebooks.hpp"
#include "report/console.hpp"

#include <chrono>
#include <iostream>
#include <memory>
#include <thread>
#include <unistd.h>

namespace docnb::cli {
namespace {

struct RunArguments {
  std::vector<std::filesystem::path> paths;
  std::filesystem::path out_dir = "build/docnb";
  std::string kernel;
  std::vector<std::filesystem::path> kernel_path;
  double timeout = 0;
  double startup_timeout = 60;
  double interrupt_grace = 5;
  std::string stdin_text;
  bool stdin_given = false;
  unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
  std::string python = "/usr/bin/python3";
};

std::chrono::milliseconds to_millis(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

RunConfig to_config(const RunArguments& args) {
  RunConfig config;
  config.paths = args.paths;
  config.out_dir = args.out_dir;
  if (!args.kernel.empty()) config.kernel_name = args.kernel;
  config.kernel_search = kernel_search_folders(args.kernel_path);
  config.python_executable = args.python;
  config.startup_timeout = to_millis(args.startup_timeout);
  config.jobs = args.jobs;
  if (args.timeout > 0) config.execute.cell_timeout = to_millis(args.timeout);
  config.execute.interrupt_grace = to_millis(args.interrupt_grace);
  if (args.stdin_given) config.execute.stdin_text = args.stdin_text;
  return config;
}

int run(const RunArguments& args) {
  const auto started = std::chrono::steady_clock::now();
  const RunConfig config = to_config(args);
  const Discovery discovery = discover_notebooks(config.paths, config.out_dir);
  RunTotals totals;
  for (const Error& problem : discovery.problems) {
    std::cerr << "docnb: error: " << problem.describe() << "\n";
    ++totals.input_errors;
  }
  const ConsoleStyle style{isatty(STDOUT_FILENO) != 0};
  const std::vector<SourceResult> results =
      run_notebooks(config, discovery.notebooks, [&](const SourceResult& result) {
        print_source(std::cout, result, style);
        std::cout.flush();
        totals.add(result);
      });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  print_summary(std::cout, totals, results.size(), seconds);
  return totals.exit_code();
}

} // namespace

std::function<int()> add_run_command(CLI::App& app) {
  CLI::App* command = app.add_subcommand("run", "Execute notebooks and check their outputs");
  auto args = std::make_shared<RunArguments>();
  command->add_option("paths", args->paths, "Notebooks, or folders to search for them")->required();
  command->add_option("--out", args->out_dir, "Where executed notebooks are written")
      ->capture_default_str();
  command->add_option("--kernel", args->kernel,
                      "Kernelspec to use for every notebook (default: each notebook's own)");
  command->add_option("--kernel-path", args->kernel_path,
                      "Folder of kernelspecs to search instead of Jupyter's (repeatable)");
  command->add_option("--timeout", args->timeout, "Seconds a cell may run (default: no limit)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--startup-timeout", args->startup_timeout,
                   "Seconds a kernel has to become ready")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--interrupt-grace", args->interrupt_grace,
                   "Seconds an interrupted kernel has to go idle before it is killed")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--stdin", args->stdin_text,
                   "Answer input() requests with these lines (default: input() fails)")
      ->each([args](const std::string&) { args->stdin_given = true; });
  command->add_option("-j,--jobs", args->jobs, "Notebooks run at once")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--python", args->python,
                   "Interpreter that replaces a kernelspec's bare `python3`")
      ->capture_default_str();
  return [args] { return run(*args); };
}

} // namespace docnb::cli
