#include "check/float_tolerance.hpp"
#include "check/sanitize_rules.hpp"
#include "check/sanitizer.hpp"
#include "cli/commands.hpp"
#include "cli/kernel_search.hpp"
#include "engine/discover.hpp"
#include "engine/last_failed.hpp"
#include "engine/run_notebooks.hpp"
#include "report/console.hpp"
#include "report/github_annotations.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
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
  bool lax = false;
  std::vector<std::filesystem::path> sanitize_files;
  std::vector<std::string> sanitize_names;
  bool check_images = false;
  std::string float_tolerance;
  bool exit_first = false;
  std::vector<std::string> skip_compare;
  std::filesystem::path json_file;
  std::filesystem::path junit_file;
  bool last_failed = false;
};

bool write_report(const std::filesystem::path& path, const std::string& text) {
  std::error_code ignored;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) std::cerr << "docnb: error: cannot write " << path.string() << "\n";
  return static_cast<bool>(out);
}

bool in_github_actions() {
  const char* value = std::getenv("GITHUB_ACTIONS");
  return value != nullptr && std::string_view(value) == "true";
}

std::chrono::milliseconds to_millis(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

// Sanitizer rules from files (in order), then the built-in ones asked for by name.
Result<check::Sanitizer> build_sanitizer(const RunArguments& args) {
  std::vector<check::SanitizeRule> rules;
  for (const std::filesystem::path& file : args.sanitize_files) {
    Result<std::vector<check::SanitizeRule>> read = check::read_sanitize_file(file);
    if (!read) return read.error();
    rules.insert(rules.end(), read->begin(), read->end());
  }
  for (const std::string& name : args.sanitize_names) {
    Result<std::vector<check::SanitizeRule>> builtin = check::builtin_sanitize_rules(name);
    if (!builtin) return builtin.error();
    rules.insert(rules.end(), builtin->begin(), builtin->end());
  }
  return check::Sanitizer::compile(rules);
}

Result<RunConfig> to_config(const RunArguments& args, bool colour) {
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
  config.exit_first_per_notebook = args.exit_first;
  config.check.mode = args.lax ? check::CompareMode::lax : check::CompareMode::strict;
  config.check.compare.fields.check_images = args.check_images;
  config.check.compare.fields.skip_keys = args.skip_compare;
  config.check.compare.diff_style.color = colour;
  if (!args.float_tolerance.empty()) {
    Result<check::FloatTolerance> tolerance = check::parse_float_tolerance(args.float_tolerance);
    if (!tolerance) return Error{tolerance.error().message, "--float-tolerance"};
    config.check.compare.float_tolerance = *tolerance;
  }
  Result<check::Sanitizer> sanitizer = build_sanitizer(args);
  if (!sanitizer) return sanitizer.error();
  config.check.compare.sanitizer = std::move(sanitizer).value();
  return config;
}

int run(const RunArguments& args) {
  const auto started = std::chrono::steady_clock::now();
  const ConsoleStyle style{isatty(STDOUT_FILENO) != 0};
  const Result<RunConfig> built = to_config(args, style.colour);
  if (!built) {
    std::cerr << "docnb: error: " << built.error().describe() << "\n";
    return 2;
  }
  const RunConfig& config = *built;
  const Discovery discovery = discover_notebooks(config.paths, config.out_dir);
  RunTotals totals;
  for (const Error& problem : discovery.problems) {
    std::cerr << "docnb: error: " << problem.describe() << "\n";
    ++totals.input_errors;
  }
  const std::filesystem::path cwd = std::filesystem::current_path();
  const std::filesystem::path record = last_failed_path(cwd);
  const std::vector<std::filesystem::path> sources =
      args.last_failed ? select_last_failed(discovery.notebooks, read_last_failed(record))
                       : discovery.notebooks;
  const std::vector<SourceResult> results =
      run_notebooks(config, sources, [&](const SourceResult& result) {
        print_source(std::cout, result, style);
        std::cout.flush();
        totals.add(result);
      });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  bool reports_written = true;
  if (Status recorded = write_last_failed(record, results); !recorded) {
    std::cerr << "docnb: warning: " << recorded.error().describe() << "\n";
  }
  if (!args.json_file.empty()) {
    reports_written &= write_report(args.json_file, json_report(results, totals, cwd));
  }
  if (!args.junit_file.empty()) {
    reports_written &= write_report(args.junit_file, junit_report(results, totals, cwd));
  }
  if (in_github_actions()) std::cout << github_annotations(results, totals, cwd);
  print_summary(std::cout, totals, results.size(), seconds);
  return reports_written ? totals.exit_code() : 2;
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
  command
      ->add_option("--kernel-path", args->kernel_path,
                   "Folder of kernelspecs to search instead of Jupyter's (repeatable)")
      ->allow_extra_args(false);
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
  command->add_flag(
      "--lax", args->lax,
      "Compare outputs only of cells marked NBVAL_CHECK_OUTPUT (nbval's --nbval-lax)");
  command
      ->add_option("--sanitize-with", args->sanitize_files,
                   "nbval sanitizer file (regex:/replace: pairs), applied to both sides; "
                   "repeatable")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
  command
      ->add_option("--sanitize", args->sanitize_names,
                   "Built-in sanitizers: memory-address, timestamp, uuid, ansi")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_flag("--check-images", args->check_images, "Also compare image/png and image/jpeg");
  command->add_option("--float-tolerance", args->float_tolerance,
                      "Compare numbers in text outputs with tolerance: RTOL[,ATOL]");
  command->add_flag("-x,--exitfirst-per-notebook", args->exit_first,
                    "Stop each notebook at its first failing cell");
  command
      ->add_option("--skip-compare", args->skip_compare,
                   "Output key never compared, e.g. stderr or text/html (repeatable)")
      ->allow_extra_args(false);
  command->add_flag("--last-failed", args->last_failed,
                    "Run only the notebooks that failed in the last run (all when none did)");
  command->add_option("--json", args->json_file, "Write a JSON report of every example");
  command->add_option("--junit", args->junit_file, "Write a JUnit XML report");
  return [args] { return run(*args); };
}

} // namespace docnb::cli
