#include "check/float_tolerance.hpp"
#include "check/sanitize_rules.hpp"
#include "check/sanitizer.hpp"
#include "cli/commands.hpp"
#include "cli/docstring_arguments.hpp"
#include "cli/gateway_arguments.hpp"
#include "cli/kernel_search.hpp"
#include "cli/limit_arguments.hpp"
#include "cli/report_files.hpp"
#include "cli/run_arguments.hpp"
#include "cli/run_listing.hpp"
#include "cli/stop_signals.hpp"
#include "client/process.hpp"
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

bool in_github_actions() {
  const char* value = std::getenv("GITHUB_ACTIONS");
  return value != nullptr && std::string_view(value) == "true";
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

Result<ShardSelection> shard_of(const std::string& spec,
                                const std::vector<std::filesystem::path>& sources,
                                const RunConfig& config, Cache* cache) {
  const Result<ShardSpec> shard = parse_shard(spec);
  if (!shard) return shard.error();
  return select_shard(sources, *shard, config, cache);
}

// The JSON, HTML and JUnit reports asked for; false when one could not be written.
bool write_reports(const RunArguments& args, const std::vector<SourceResult>& results,
                   const RunTotals& totals, double seconds) {
  const std::filesystem::path cwd = std::filesystem::current_path();
  bool written = true;
  if (!args.json_file.empty() || !args.html_file.empty()) {
    // The HTML report is rendered from the JSON text, as `docnb report` renders a saved one.
    const std::string json = json_report(results, totals, cwd, {args.command_line, seconds});
    if (!args.json_file.empty()) written &= write_report(args.json_file, json);
    if (!args.html_file.empty())
      written &= write_html_report(args.html_file, json, args.html_source_url);
  }
  if (!args.junit_file.empty()) {
    written &= write_report(args.junit_file, junit_report(results, totals, cwd));
  }
  return written;
}

int run(const RunArguments& args) {
  const auto started = std::chrono::steady_clock::now();
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
    Result<ShardSelection> selection =
        shard_of(args.shard, sources, config, cache ? &*cache : nullptr);
    if (!selection) {
      std::cerr << "docnb: error: " << selection.error().describe() << "\n";
      return 2;
    }
    sources = std::move(selection->sources);
    config.selected_examples = std::move(selection->selected_examples);
    already_read = std::move(selection->already_read);
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
  if (stop.requested()) {
    // A stopped run keeps the record of the last whole one: what it did not run may have failed.
    totals.stopped_by = stop.signal();
  } else if (Status recorded = write_last_failed(record, results); !recorded) {
    std::cerr << "docnb: warning: " << recorded.error().describe() << "\n";
  }
  const bool reports_written = write_reports(args, results, totals, seconds);
  if (in_github_actions()) std::cout << github_annotations(results, totals, cwd);
  print_summary(std::cout, totals, results.size(), seconds);
  return reports_written ? totals.exit_code() : 2;
}

} // namespace

std::function<int()> add_run_command(CLI::App& app, std::vector<std::string> command_line) {
  CLI::App* command = app.add_subcommand("run", "Execute notebooks and check their outputs");
  auto args = std::make_shared<RunArguments>();
  args->command_line = std::move(command_line);
  add_run_options(*command, args);
  return [args] { return run(*args); };
}

} // namespace docnb::cli
