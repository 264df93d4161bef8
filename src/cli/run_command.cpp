#include "check/float_tolerance.hpp"
#include "check/sanitize_rules.hpp"
#include "check/sanitizer.hpp"
#include "cli/commands.hpp"
#include "cli/docstring_arguments.hpp"
#include "cli/gateway_arguments.hpp"
#include "cli/kernel_search.hpp"
#include "converters/docstring.hpp"
#include "converters/source.hpp"
#include "engine/cache.hpp"
#include "engine/converted_sources.hpp"
#include "engine/discover.hpp"
#include "engine/last_failed.hpp"
#include "engine/project_config.hpp"
#include "engine/project_files.hpp"
#include "engine/run_notebooks.hpp"
#include "engine/shard.hpp"
#include "report/console.hpp"
#include "report/github_annotations.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report/progress.hpp"

#include <Python.h>
#include <chrono>
#include <cstdlib>
#include <fstream>
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
  double timeout = 0;
  double startup_timeout = 60;
  double interrupt_grace = 5;
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
  GatewayArguments gateway;
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
    const std::string text = path.string();
    if (const auto at = text.find("::"); at != std::string::npos) {
      const std::filesystem::path file = text.substr(0, at);
      config.paths.push_back(file);
      config.selected_examples[canonical_source(file)].insert(text.substr(at + 2));
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
  config.python_executable = args.python;
  config.startup_timeout = to_millis(args.startup_timeout);
  config.jobs = args.jobs;
  if (args.timeout > 0) config.execute.cell_timeout = to_millis(args.timeout);
  config.execute.interrupt_grace = to_millis(args.interrupt_grace);
  if (args.stdin_given) config.execute.stdin_text = args.stdin_text;
  config.exit_first_per_notebook = args.exit_first;
  config.use_cache = !args.no_cache;
  config.depends = project->depends;
  config.depends.insert(config.depends.end(), args.depends.begin(), args.depends.end());
  config.fresh_kernel_per_example = args.fresh_kernel_per_example;
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

// The examples of a docstring module by name ("Class.method:0"), in order.
std::vector<std::string> docstring_example_names(const std::filesystem::path& source,
                                                 const RunConfig& config, Cache* cache) {
  std::vector<std::string> names;
  const Result<converters::Converted> converted =
      read_source_cached(source, config.convert, cache, config.project_root);
  if (!converted) return names; // the run reports it
  for (const Json& cell : converted->notebook.cells()) {
    const std::string id = converters::source_map_of(cell).value("example", "");
    const std::size_t at = id.rfind("::");
    if (at == std::string::npos) continue;
    const std::string name = id.substr(at + 2);
    if (names.empty() || names.back() != name) names.push_back(name);
  }
  return names;
}

// The sources of shard K/N. A notebook or page is one unit (its cells share a kernel); a
// docstring module is one unit per example, since examples are independent: a shard runs the
// module's examples it holds (config.selected_examples). Units weigh their recorded durations
// (a module's split evenly among its examples).
std::vector<std::filesystem::path> select_shard(const std::vector<std::filesystem::path>& sources,
                                                const ShardSpec& shard, RunConfig& config,
                                                std::optional<Cache>& cache) {
  struct Unit {
    std::size_t source = 0;
    std::string example; // empty: the whole source
  };
  const std::map<std::string, double> recorded =
      cache ? cache->durations() : std::map<std::string, double>{};
  std::vector<std::string> ids;
  std::vector<Unit> units;
  std::map<std::string, double> weights;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::string id = source_id(sources[i], config.project_root);
    const auto duration = recorded.find(id);
    std::vector<std::string> names;
    if (converters::source_kind(sources[i], config.convert) == converters::SourceKind::docstring) {
      names = docstring_example_names(sources[i], config, cache ? &*cache : nullptr);
    }
    if (names.empty()) {
      ids.push_back(id);
      units.push_back({i, ""});
      if (duration != recorded.end()) weights[id] = duration->second;
      continue;
    }
    for (const std::string& name : names) {
      ids.push_back(id + "::" + name);
      units.push_back({i, name});
      if (duration != recorded.end()) {
        weights[ids.back()] = duration->second / static_cast<double>(names.size());
      }
    }
  }
  std::map<std::size_t, std::set<std::string, std::less<>>> chosen;
  for (const std::size_t member : shard_members(ids, weights, shard))
    chosen[units[member].source].insert(units[member].example);
  std::vector<std::filesystem::path> selected;
  for (const auto& [index, examples] : chosen) {
    selected.push_back(sources[index]);
    if (examples.contains("")) continue;
    std::set<std::string, std::less<>>& kept =
        config.selected_examples[canonical_source(sources[index])];
    if (kept.empty()) {
      kept = examples;
    } else {
      // The command line named examples too: the shard runs those it holds.
      std::erase_if(kept, [&](const std::string& name) { return !examples.contains(name); });
      if (kept.empty()) selected.pop_back();
    }
  }
  return selected;
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
    // Kernels inherit docnb's environment, and VIRTUAL_ENV is how a Python kernel learns of
    // the project's environment (docnb-kernel and IPython both read it). Set before any
    // thread or kernel starts.
    setenv("VIRTUAL_ENV", std::filesystem::absolute(args.python_path).c_str(), 1);
  }
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
        return converters::source_kind(path, config.convert).has_value();
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
  if (!args.shard.empty()) {
    const Result<ShardSpec> shard = parse_shard(args.shard);
    if (!shard) {
      std::cerr << "docnb: error: " << shard.error().describe() << "\n";
      return 2;
    }
    sources = select_shard(sources, *shard, config, cache);
  }
  if (args.last_failed) sources = select_last_failed(sources, read_last_failed(record));
  Progress progress(std::cout, style, style.colour, sources.size(), terminal_width());
  RunHooks hooks;
  hooks.cache = cache ? &*cache : nullptr;
  hooks.gateway = *gateway ? &**gateway : nullptr;
  hooks.on_started = [&](const std::filesystem::path& source) { progress.started(source); };
  const std::vector<SourceResult> results = run_notebooks(
      config, sources,
      [&](const SourceResult& result) {
        progress.finished(result);
        totals.add(result);
      },
      hooks);
  progress.close();
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
  add_gateway_options(*command, args->gateway, /*with_cwd=*/true);
  command->add_option("--json", args->json_file, "Write a JSON report of every example");
  command->add_option("--junit", args->junit_file, "Write a JUnit XML report");
  return [args] { return run(*args); };
}

} // namespace docnb::cli
