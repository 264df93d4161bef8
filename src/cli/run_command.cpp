#include "check/float_tolerance.hpp"
#include "check/sanitize_rules.hpp"
#include "check/sanitizer.hpp"
#include "cli/commands.hpp"
#include "cli/docstring_arguments.hpp"
#include "cli/gateway_arguments.hpp"
#include "cli/kernel_search.hpp"
#include "client/process.hpp"
#include "cli/limit_arguments.hpp"
#include "cli/stop_signals.hpp"
#include "cli/run_listing.hpp"
#include "cli/report_files.hpp"
#include "converters/docstring.hpp"
#include "converters/source.hpp"
#include "engine/cache.hpp"
#include "engine/discover.hpp"
#include "engine/last_failed.hpp"
#include "engine/project_config.hpp"
#include "engine/project_files.hpp"
#include "engine/run_notebooks.hpp"
#include "engine/shard.hpp"
#include "engine/shard_selection.hpp"
#include "report/console.hpp"
#include "report/github_annotations.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report/progress.hpp"

#include <Python.h>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sys/ioctl.h>
#include <thread>
#include <unistd.h>

namespace docnb::cli {
namespace {

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
  bool txt_as_rst = false;
  bool no_cache = false;
  std::vector<std::string> depends;
  std::string shard;
  bool fresh_kernel_per_example = false;
  bool no_fork = false;
  std::vector<std::string> preload;
  bool list_json = false;
  GatewayArguments gateway;
};

bool env_is_true(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && std::string_view(value) == "true";
}

// --check, or CI=true, promises that no source is written, so --update contradicts it.
Result<SourceWrites> source_writes(const RunArguments& args, bool colour) {
  const bool check = args.check || env_is_true("CI");
  if (check && args.update) {
    return Error{args.check ? "--update writes sources; --check never does"
                            : "--update writes sources; CI=true implies --check, which never "
                              "does (unset CI to update)",
                 "--update"};
  }
  return SourceWrites{args.update, args.diff, colour};
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
  // `docnb run --module torch` is xdoctest's `xdoctest torch`: the module alone is a target.
  if (args.paths.empty() && args.docstrings.modules.empty()) {
    return Error{"nothing to run: give paths or --module", ""};
  }
  // `path::callname:N` selects one docstring example, as xdoctest's command line does.
  for (const std::filesystem::path& path : args.paths) {
    const std::optional<ExampleId> example = ExampleId::parse(path.string());
    if (example && example->kind() == ExampleId::Kind::named) {
      config.paths.emplace_back(example->file());
      config.selected_examples[canonical_source(example->file())].insert(example->local_name());
    } else {
      config.paths.push_back(path);
    }
  }
  config.project_root = find_project_root(std::filesystem::current_path());
  Result<ProjectConfig> project = read_project_config(config.project_root);
  if (!project) return project.error();
  for (const std::string& warning : project->warnings)
    std::cerr << "docnb: warning: " << warning << "\n";
  DocstringArguments docstrings = args.docstrings;
  with_project_config(docstrings, *project);
  if (Status checked = check_docstring_options(docstrings); !checked) return checked.error();
  config.convert.docstrings = to_docstring_options(docstrings);
  Result<std::vector<std::filesystem::path>> modules = module_files(docstrings);
  if (!modules) return modules.error();
  config.paths.insert(config.paths.end(), modules->begin(), modules->end());
  config.out_dir = args.out_dir;
  if (!args.kernel.empty()) config.kernel_name = args.kernel;
  config.kernel_search = kernel_search_folders(args.kernel_path);
  config.strict_kernel = args.strict_kernel;
  config.python_executable = args.python;
  config.kernel_environment = current_environment();
  if (!args.python_path.empty()) {
    // VIRTUAL_ENV is how a Python kernel learns of the project's environment (docnb-kernel and
    // IPython both read it).
    config.kernel_environment["VIRTUAL_ENV"] = std::filesystem::absolute(args.python_path);
  }
  config.startup_timeout = to_millis(args.startup_timeout);
  config.jobs = args.jobs;
  if (args.timeout > 0) config.execute.cell_timeout = to_millis(args.timeout);
  config.execute.interrupt_grace = to_millis(args.interrupt_grace);
  apply_limits(args.limits, *project, config);
  if (args.stdin_given) config.execute.stdin_text = args.stdin_text;
  config.exit_first_per_notebook = args.exit_first;
  config.use_cache = !args.no_cache;
  config.depends = project->depends;
  config.depends.insert(config.depends.end(), args.depends.begin(), args.depends.end());
  config.fresh_kernel_per_example = args.fresh_kernel_per_example;
  config.fork = !args.no_fork && project->fork.value_or(true);
  config.preload =
      !args.preload.empty() ? args.preload : project->preload.value_or(std::vector<std::string>{});
  config.keep_cell_contents = !args.json_file.empty() || !args.html_file.empty();
  Result<GatewaySettings> gateway =
      gateway_settings(args.gateway, project->gateway_url, config.startup_timeout);
  if (!gateway) return gateway.error();
  config.gateway = std::move(gateway).value();
  config.record_durations = args.shard.empty();
  config.check.mode = args.lax ? check::CompareMode::lax : check::CompareMode::strict;
  config.check.compare.fields.check_images = args.check_images;
  config.check.compare.fields.skip_keys = args.skip_compare;
  config.check.compare.diff_style.color = colour;
  if (!args.float_tolerance.empty()) {
    Result<check::FloatTolerance> tolerance = check::parse_float_tolerance(args.float_tolerance);
    if (!tolerance) return Error{tolerance.error().message, "--float-tolerance"};
    config.check.compare.float_tolerance = *tolerance;
  }
  Result<SourceWrites> writes = source_writes(args, colour);
  if (!writes) return writes.error();
  config.source_writes = *writes;
  if (!args.gallery_patterns.empty()) {
    config.convert.gallery_patterns = args.gallery_patterns;
  } else if (project->gallery_patterns) {
    config.convert.gallery_patterns = *project->gallery_patterns;
  }
  config.convert.txt_as_rst = args.txt_as_rst || project->txt_as_rst.value_or(false);
  for (const std::string& flag : args.flags) {
    config.requirement_flags.insert(flag.starts_with("-") ? flag : "--" + flag);
  }
  Result<check::Sanitizer> sanitizer = build_sanitizer(args);
  if (!sanitizer) return sanitizer.error();
  config.check.compare.sanitizer = std::move(sanitizer).value();
  return config;
}

std::size_t terminal_width() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

// The project's cache; a run goes on without one (everything executes) when it cannot open.
std::optional<Cache> open_cache(const std::filesystem::path& project_root) {
  std::vector<std::string> warnings;
  Result<Cache> cache = Cache::open(cache_path(project_root), warnings);
  for (const std::string& warning : warnings)
    std::cerr << "docnb: warning: " << warning << "\n";
  if (!cache) {
    std::cerr << "docnb: warning: running without the cache: " << cache.error().describe() << "\n";
    return std::nullopt;
  }
  return std::move(cache).value();
}

// --python-path must hold site-packages for the Python docnb's kernels run (the one docnb was
// built with), as docnb-kernel looks for them.
Status check_environment(const std::filesystem::path& environment) {
  const std::string version =
      "python" + std::to_string(PY_MAJOR_VERSION) + "." + std::to_string(PY_MINOR_VERSION);
  std::error_code ignored;
  for (const std::filesystem::path& packages :
       {environment / "lib" / version / "site-packages",
        environment / "lib" / "python3" / "dist-packages"}) {
    if (std::filesystem::is_directory(packages, ignored)) return Done{};
  }
  return Error{"no lib/" + version + "/site-packages: not an environment of this Python",
               "--python-path " + environment.string()};
}

int run(const RunArguments& args) {
  const auto started = std::chrono::steady_clock::now();
  if (!args.python_path.empty()) {
    // An environment the kernels cannot use would be ignored silently by them.
    if (Status usable = check_environment(args.python_path); !usable) {
      std::cerr << "docnb: error: " << usable.error().describe() << "\n";
      return 2;
    }
  }
  // Before any thread starts: every thread inherits the blocked signals (cli/stop_signals.hpp).
  StopRequest stop;
  const StopSignals signals(stop, std::cerr);
  const ConsoleStyle style{isatty(STDOUT_FILENO) != 0};
  const Result<RunConfig> built = to_config(args, style.colour);
  if (!built) {
    std::cerr << "docnb: error: " << built.error().describe() << "\n";
    return 2;
  }
  RunConfig config = *built; // --shard narrows the selected examples
  // A gateway that cannot be reached, or refuses the token, fails the run before it starts.
  Result<std::optional<GatewayClient>> gateway = connect_gateway(config.gateway);
  if (!gateway) {
    std::cerr << "docnb: error: " << gateway.error().describe() << "\n";
    return 2;
  }
  const Discovery discovery = discover_sources(
      config.paths,
      [&](const std::filesystem::path& path) {
        return converters::is_source_file(path, config.convert);
      },
      config.out_dir);
  RunTotals totals;
  for (const Error& problem : discovery.problems) {
    std::cerr << "docnb: error: " << problem.describe() << "\n";
    ++totals.input_errors;
  }
  const std::filesystem::path cwd = std::filesystem::current_path();
  const std::filesystem::path record = last_failed_path(cwd);
  // --no-cache bypasses the cache entirely: nothing is read from it or written to it.
  std::optional<Cache> cache =
      config.use_cache ? open_cache(config.project_root) : std::optional<Cache>();
  std::vector<std::filesystem::path> sources = discovery.sources;
  AlreadyRead already_read;
  if (!args.shard.empty()) {
    const Result<ShardSpec> shard = parse_shard(args.shard);
    if (!shard) {
      std::cerr << "docnb: error: " << shard.error().describe() << "\n";
      return 2;
    }
    ShardSelection selection = select_shard(sources, *shard, config, cache ? &*cache : nullptr);
    sources = std::move(selection.sources);
    config.selected_examples = std::move(selection.selected_examples);
    already_read = std::move(selection.already_read);
  }
  if (args.last_failed) sources = select_last_failed(sources, read_last_failed(record));
  if (args.list_json) return print_run_listing(sources, discovery.problems, config);
  Progress progress(std::cout, style, style.colour, sources.size(), terminal_width());
  RunHooks hooks;
  hooks.cache = cache ? &*cache : nullptr;
  hooks.gateway = *gateway ? &**gateway : nullptr;
  hooks.on_started = [&](const std::filesystem::path& source) { progress.started(source); };
  hooks.stop = &stop;
  const std::vector<SourceResult> results = run_notebooks(
      config, sources,
      [&](const SourceResult& result) {
        progress.finished(result);
        totals.add(result);
      },
      hooks, std::move(already_read));
  progress.close();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  bool reports_written = true;
  if (stop.requested()) {
    // A stopped run keeps the record of the last whole one: what it did not run may have failed.
    totals.stopped_by = stop.signal();
  } else if (Status recorded = write_last_failed(record, results); !recorded) {
    std::cerr << "docnb: warning: " << recorded.error().describe() << "\n";
  }
  if (!args.json_file.empty() || !args.html_file.empty()) {
    // The HTML report is rendered from the JSON text, as `docnb report` renders a saved one.
    const std::string json = json_report(results, totals, cwd, {args.command_line, seconds});
    if (!args.json_file.empty()) reports_written &= write_report(args.json_file, json);
    if (!args.html_file.empty())
      reports_written &= write_html_report(args.html_file, json, args.html_source_url);
  }
  if (!args.junit_file.empty()) {
    reports_written &= write_report(args.junit_file, junit_report(results, totals, cwd));
  }
  if (in_github_actions()) std::cout << github_annotations(results, totals, cwd);
  print_summary(std::cout, totals, results.size(), seconds);
  return reports_written ? totals.exit_code() : 2;
}

} // namespace

std::function<int()> add_run_command(CLI::App& app, std::vector<std::string> command_line) {
  CLI::App* command = app.add_subcommand("run", "Execute notebooks and check their outputs");
  auto args = std::make_shared<RunArguments>();
  args->command_line = std::move(command_line);
  command->add_option("paths", args->paths,
                      "Sources (notebooks, Markdown and rst pages, jupytext percent and "
                      "sphinx-gallery scripts), or folders to search for them (required unless "
                      "--module names one)");
  command
      ->add_option("--gallery-pattern", args->gallery_patterns,
                   "File names of sphinx-gallery scripts (repeatable, default plot_*.py and "
                   "*_tutorial.py)")
      ->allow_extra_args(false);
  add_docstring_options(*command, args->docstrings);
  command->add_flag("--txt-as-rst", args->txt_as_rst,
                    "Read .txt files as reStructuredText, as Sphinx doctest does");
  command->add_option("--out", args->out_dir, "Where executed notebooks are written")
      ->capture_default_str();
  command->add_option("--kernel", args->kernel,
                      "Kernelspec to use for every notebook (default: each notebook's own)");
  command
      ->add_option("--kernel-path", args->kernel_path,
                   "Folder of kernelspecs to search instead of Jupyter's (repeatable)")
      ->allow_extra_args(false);
  command->add_flag("--strict-kernel", args->strict_kernel,
                    "A notebook's kernelspec that is not installed is an error (default: a "
                    "Python notebook runs on docnb-python, with a warning)");
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
  add_limit_options(*command, args->limits);
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
  command
      ->add_option("--python-path", args->python_path,
                   "Virtual environment whose site-packages kernels import before the "
                   "system's (sets VIRTUAL_ENV for them)")
      ->check(CLI::ExistingDirectory);
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
  command->add_flag("--update", args->update,
                    "Write the fresh outputs back into the sources (atomically; a source changed "
                    "on disk meanwhile is left alone)");
  command->add_flag("--check", args->check,
                    "Never write sources (implied by CI=true); a mismatch fails the run");
  command->add_flag("--diff", args->diff,
                    "Print the changes --update makes to the sources (alone: without writing)");
  command
      ->add_option("--flag", args->flags,
                   "Meets REQUIRES(--NAME) in doctest directives (repeatable), as xdoctest's "
                   "command-line flags do")
      ->allow_extra_args(false);
  command->add_flag("--no-cache", args->no_cache,
                    "Run every source, neither using nor filling the content cache");
  command
      ->add_option("--depends", args->depends,
                   "Glob of files the examples depend on (repeatable): a change re-runs them")
      ->allow_extra_args(false);
  command->add_option("--shard", args->shard,
                      "Run shard K of N (K/N), split by recorded durations, for CI matrices");
  command->add_flag("--fresh-kernel-per-example", args->fresh_kernel_per_example,
                    "Docstring examples each get a fresh kernel instead of a namespace reset");
  command->add_flag("--no-fork", args->no_fork,
                    "Start every kernel plainly, not forked from a preloaded server");
  command
      ->add_option("--preload", args->preload,
                   "Modules the kernels' fork servers import once, e.g. torch,numpy (into "
                   "sys.modules, not into any namespace)")
      ->delimiter(',')
      ->allow_extra_args(false);
  add_gateway_options(*command, args->gateway, /*with_cwd=*/true);
  command->add_option("--json", args->json_file, "Write a JSON report of every example");
  command->add_option("--junit", args->junit_file, "Write a JUnit XML report");
  command->add_flag("--list-json", args->list_json,
                    "Run nothing: print the examples this run would check, one JSON object a "
                    "line as `docnb list --json`, and a {file, error, where} line per "
                    "unreadable source");
  command->add_option("--html", args->html_file,
                      "Write a self-contained HTML report: expected against got, side by side");
  add_source_url_option(*command, args->html_source_url);
  return [args] { return run(*args); };
}

} // namespace docnb::cli
