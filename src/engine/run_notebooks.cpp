#include "engine/run_notebooks.hpp"

#include "check/cell_policy.hpp"
#include "client/gateway_client.hpp"
#include "client/kernel_client.hpp"
#include "converters/source.hpp"
#include "engine/cache.hpp"
#include "engine/cell_skips.hpp"
#include "engine/converted_sources.hpp"
#include "engine/example_kernels.hpp"
#include "engine/example_verdicts.hpp"
#include "engine/judge_notebook.hpp"
#include "engine/kernel_choice.hpp"
#include "engine/kernel_pool.hpp"
#include "engine/module_probe.hpp"
#include "engine/project_files.hpp"
#include "engine/remote_kernel_choice.hpp"
#include "engine/schedule.hpp"
#include "engine/served_examples.hpp"
#include "engine/update.hpp"
#include "notebook/read.hpp"
#include "notebook/write.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <atomic>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

namespace docnb {
namespace fs = std::filesystem;

namespace {

constexpr std::chrono::milliseconds shutdown_grace{2'000};

// The kernelspec a notebook runs on: one installed here, or one of the gateway's.
Result<KernelSpec> kernelspec_for(const RunConfig& config, const GatewayClient* gateway,
                                  const Notebook& notebook) {
  const KernelRequest request = kernel_request_for(config.kernel_name, notebook);
  if (gateway != nullptr) {
    const Result<std::string> name =
        choose_remote_kernel(request, gateway->kernelspecs(), gateway->default_kernel());
    if (!name) return name.error();
    return gateway->kernelspec(*name);
  }
  std::vector<std::string> installed;
  for (const KernelSpec& spec : find_kernelspecs(config.kernel_search))
    installed.push_back(spec.name);
  const Result<std::string> name = choose_kernel(request, installed);
  if (!name) return name.error();
  return find_kernelspec(*name, config.kernel_search);
}

// With `path::name:N` on the command line, only the code cells of the named examples of that
// source stay (their namespace cells included); a source no selection names is left whole. A
// name that is no example of the source is an input error.
Status keep_selected_examples(Notebook& notebook, const RunConfig& config) {
  const auto selection = config.selected_examples.find(canonical_source(notebook.path));
  if (selection == config.selected_examples.end()) return Done{};
  std::set<std::string, std::less<>> missing = selection->second;
  Json kept = Json::array();
  for (Json& cell : notebook.cells()) {
    const Json metadata = cell.value("metadata", Json::object());
    const std::string example = metadata.value("docnb", Json::object()).value("example", "");
    const std::size_t at = example.rfind("::");
    const std::string name = at == std::string::npos ? std::string() : example.substr(at + 2);
    if (cell.value("cell_type", "") == "code" && selection->second.contains(name)) {
      missing.erase(name);
      kept.push_back(std::move(cell));
    }
  }
  notebook.cells() = std::move(kept);
  if (missing.empty()) return Done{};
  std::string names;
  for (const std::string& name : missing)
    names += (names.empty() ? "" : ", ") + name;
  return Error{"no example " + names + " here (`docnb list " + notebook.path.string() +
                   "` prints its examples)",
               notebook.path.string()};
}

bool has_code(const Notebook& notebook) {
  const Json& cells = notebook.cells();
  return std::any_of(cells.begin(), cells.end(),
                     [](const Json& cell) { return cell.value("cell_type", "") == "code"; });
}

bool is_ipykernel(const KernelSpec& spec) {
  return std::any_of(spec.argv.begin(), spec.argv.end(), [](const std::string& arg) {
    return arg == "ipykernel_launcher" || arg == "ipykernel";
  });
}

// What the cache needs from the whole run, computed once.
struct CacheContext {
  Cache* cache = nullptr;
  std::string config;  // execution_fingerprint()
  std::string depends; // digest of the declared dependencies
};

// A source a worker has claimed: read, looked up in the cache, and (on a miss) its kernel
// already starting, so that start-up overlaps the notebook running before it.
struct Claimed {
  std::size_t index = 0; // into the run's sources
  fs::path path;
  std::optional<Notebook> notebook;
  std::string original; // the bytes it was read from, for --update
  // The doctest options of its text-source cells; its warnings start with the converter's
  // (unclosed fences, misspelt skip markers).
  check::DoctestPlan plan;
  converters::SourceKind kind = converters::SourceKind::notebook;
  bool runs_code = true; // it has a code cell
  // Every code cell is skipped before it runs (SKIP, unmet REQUIRES, nbval markers, blank): its
  // verdicts need no kernel, and none is started (a module whose examples are all skipped).
  std::optional<NotebookRun> without_kernel;
  std::optional<Error> input_error;
  std::string cache_id;
  std::string cache_key;
  std::optional<NotebookRun> hit; // the stored run, replayed onto the current source
  // A module's stored run that failed in some examples: those that passed are served from it
  // (their ids in `served`), and only the others run again.
  std::optional<NotebookRun> partial;
  ExampleIds served;
  std::optional<WarmKernel> kernel;
};

// Runs one notebook from file to verdicts, in a kernel of its own.
class NotebookJob {
public:
  NotebookJob(const RunConfig& config, KernelHost& host, const fs::path& runtime_dir,
              ForkServers& fork_servers, KernelReaper& reaper, const CacheContext& cache,
              const check::RequirementContext& requirements, const GatewayClient* gateway)
      : config_(config), host_(host), runtime_dir_(runtime_dir), fork_servers_(fork_servers),
        reaper_(reaper), cache_(cache), requirements_(requirements), gateway_(gateway) {}

  Claimed claim(std::size_t index, const fs::path& path) {
    Claimed claimed;
    claimed.index = index;
    claimed.path = path;
    Result<converters::Converted> converted =
        read_source_cached(path, config_.convert, cache_.cache, config_.project_root);
    if (!converted) {
      claimed.input_error = converted.error();
      return claimed;
    }
    claimed.kind = converted->kind;
    claimed.original = std::move(converted->original);
    claimed.notebook = std::move(converted->notebook);
    if (Status selected = keep_selected_examples(*claimed.notebook, config_); !selected) {
      claimed.input_error = selected.error();
      return claimed;
    }
    claimed.plan = check::plan_doctest_cells(*claimed.notebook, requirements_);
    claimed.plan.warnings.insert(claimed.plan.warnings.begin(), converted->warnings.begin(),
                                 converted->warnings.end());
    claimed.runs_code = has_code(*claimed.notebook);
    if (!claimed.runs_code) return claimed;
    {
      const ExampleIds none;
      std::vector<std::string> ignored;
      claimed.without_kernel = run_without_kernel(
          *claimed.notebook, execute_options_for(claimed.plan, none, path.string(), ignored));
    }
    if (claimed.without_kernel) return claimed;
    Result<KernelSpec> spec = kernelspec_for(config_, gateway_, *claimed.notebook);
    if (!spec) {
      claimed.input_error = Error{spec.error().message, path.string()};
      return claimed;
    }
    KernelLaunch launch;
    launch.spec = std::move(spec).value();
    // A page or notebook runs beside its files, as nbclient runs it. A module's examples run
    // where docnb was started, as xdoctest's do: a package folder holds files that shadow the
    // standard library (torch/__future__.py) once it is the kernel's first sys.path entry.
    launch.cwd = claimed.kind == converters::SourceKind::docstring
                     ? fs::current_path()
                     : fs::absolute(path).parent_path();
    launch.environment = current_environment();
    launch.python_executable = config_.python_executable;
    launch.startup_timeout = config_.startup_timeout;
    launch.runtime_dir = runtime_dir_;
    if (is_ipykernel(launch.spec)) {
      // As nbclient does: no history database shared between parallel kernels.
      launch.extra_arguments.emplace_back("--HistoryManager.hist_file=:memory:");
    }
    launch.gateway = gateway_;
    look_up(claimed, launch);
    if (!claimed.hit) {
      if (gateway_ == nullptr) launch.fork_server = fork_servers_.for_launch(launch);
      claimed.kernel.emplace(std::move(launch), host_);
    }
    return claimed;
  }

  SourceResult run(Claimed& claimed) {
    const auto started = Clock::now();
    SourceResult result;
    result.source = claimed.path;
    if (claimed.input_error) {
      result.input_error = std::move(claimed.input_error);
    } else if (!claimed.runs_code) {
      // Nothing to execute (a prose page, a module without examples): no kernel. A page is
      // still published; a module without examples has nothing to show.
      if (claimed.kind != converters::SourceKind::docstring) {
        finish(claimed, NotebookRun{*claimed.notebook, {}, false, {}}, result);
      }
    } else if (claimed.without_kernel) {
      finish(claimed, std::move(*claimed.without_kernel), result);
    } else if (claimed.hit) {
      result.cached = true;
      finish(claimed, std::move(*claimed.hit), result);
    } else {
      execute(claimed, result, started);
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (!claimed.hit && !claimed.cache_id.empty() && !result.input_error && cache_.cache &&
        config_.record_durations) {
      (void)cache_.cache->record_duration(claimed.cache_id, result.seconds);
    }
    return result;
  }

private:
  // Only a run the kernel got through and that passed is served again: a failure is always
  // the verdict of a real run, as nbval users expect when they rerun one. A module's examples
  // are isolated from each other (a fresh namespace each), so of a module that failed, the
  // examples that passed are served and the failing ones run again.
  void look_up(Claimed& claimed, const KernelLaunch& launch) {
    if (cache_.cache == nullptr) return;
    claimed.cache_id = source_id(claimed.path, config_.project_root);
    if (!config_.use_cache) return;
    CacheKeyParts parts;
    parts.source = claimed.cache_id;
    parts.cells = code_cells_fingerprint(*claimed.notebook);
    parts.kernel = kernel_fingerprint(launch);
    parts.config = cache_.config;
    parts.depends = cache_.depends;
    if (claimed.kind == converters::SourceKind::docstring) {
      parts.own_file = sha256_hex(claimed.original);
    }
    claimed.cache_key = cache_key(parts);
    const std::optional<CachedRun> stored =
        cache_.cache->lookup(claimed.cache_id, claimed.cache_key);
    if (!stored) return;
    std::optional<NotebookRun> replayed = replay(*claimed.notebook, *stored);
    if (!replayed) return;
    std::vector<std::string> ignored;
    const std::vector<Verdict> verdicts =
        judge_notebook(*claimed.notebook, *replayed, config_.check, claimed.plan, ignored);
    const bool passes = std::none_of(verdicts.begin(), verdicts.end(), [](const Verdict& v) {
      return v.status == VerdictStatus::failed;
    });
    if (passes) {
      claimed.hit = std::move(replayed);
    } else if (claimed.kind == converters::SourceKind::docstring && !config_.source_writes.any()) {
      // --update and --diff run every part of every example, so they take nothing from it.
      claimed.served = passed_examples(*claimed.notebook, verdicts);
      if (!claimed.served.empty()) claimed.partial = std::move(replayed);
    }
  }

  void execute(Claimed& claimed, SourceResult& result, Clock::time_point started) {
    const KernelLaunch launch = claimed.kernel->launch();
    KernelStart kernel = claimed.kernel->take();
    claimed.kernel.reset();
    if (!kernel) {
      fail_every_cell(*claimed.notebook, "kernel did not start: " + kernel.error().describe(),
                      result);
      return;
    }
    const Notebook& reference = *claimed.notebook;
    const check::DoctestPlan& plan = claimed.plan;
    // Cells are judged as they finish: -x stops the notebook at its first failure, and a
    // docstring example ends at its first failing part, as xdoctest's does (later parts would
    // run on a state the example did not expect, and may hang).
    std::vector<std::string> ignored;
    CellJudge live(reference, config_.check, plan, ignored);
    // Served examples are not run: their cells come from the stored run afterwards.
    ExampleIds ended_examples = claimed.served;
    // --update and --diff run every part, so that one pass rewrites every stale want.
    const bool examples_end_at_failure =
        claimed.kind == converters::SourceKind::docstring && !config_.source_writes.any();
    const ContinueAfter continue_after = [&](const Json& cell, const CellRun& cell_run) {
      if (live.judge(cell_run, cell).status != VerdictStatus::failed) return true;
      if (examples_end_at_failure) ended_examples.insert(example_of(cell));
      return !config_.exit_first_per_notebook;
    };
    std::vector<std::string> skip_warnings;
    ExecuteOptions execute =
        execute_options_for(plan, ended_examples, reference.path.string(), skip_warnings);
    NotebookRun run;
    if (config_.fresh_kernel_per_example && claimed.kind == converters::SourceKind::docstring) {
      run = execute_each_example_alone(reference, launch, std::move(kernel).value(), host_, reaper_,
                                       execute, continue_after, claimed.served);
    } else {
      run = execute_notebook(reference, **kernel, execute, continue_after);
      reaper_.retire(std::move(kernel).value(), shutdown_grace);
    }
    run.warnings.insert(run.warnings.end(), skip_warnings.begin(), skip_warnings.end());
    if (claimed.partial) {
      serve_examples(reference, claimed.served, *claimed.partial, run);
      result.examples_cached = claimed.served.size();
    }
    // The executed notebook names the kernel that ran it (docnb-python for a text source, or
    // in place of a Python notebook's kernelspec that is not installed).
    run.notebook.document["metadata"]["kernelspec"] =
        Json{{"name", launch.spec.name},
             {"display_name", launch.spec.display_name},
             {"language", launch.spec.language}};
    const bool storable = kernel_behaved(run);
    finish(claimed, run, result);
    // A module's run is stored even when some of its examples failed: the next run serves the
    // examples that passed (see look_up).
    const bool servable = !result.failed() || claimed.kind == converters::SourceKind::docstring;
    if (storable && servable && !claimed.cache_key.empty()) {
      const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
      const std::optional<double> duration =
          config_.record_durations ? std::optional(seconds) : std::nullopt;
      if (Status stored = cache_.cache->store(claimed.cache_id, claimed.cache_key, run, duration);
          !stored) {
        result.warnings.push_back("not cached: " + stored.error().describe());
      }
    }
  }

  // Judges a run and writes its executed notebook: the same for a real run and a cached one.
  void finish(const Claimed& claimed, NotebookRun run, SourceResult& result) {
    const Notebook& reference = *claimed.notebook;
    const check::DoctestPlan& plan = claimed.plan;
    result.warnings = plan.warnings;
    result.warnings.insert(result.warnings.end(), run.warnings.begin(), run.warnings.end());
    result.verdicts =
        merge_example_parts(judge_notebook(reference, run, config_.check, plan, result.warnings));
    if (config_.source_writes.any()) {
      result.update = update_source(claimed.path, claimed.original, claimed.kind, reference, plan,
                                    run, config_);
    }
    const fs::path out = output_path_for(result.source, config_.out_dir);
    if (Status written = write_notebook(run.notebook, out); written) {
      result.written = out;
    } else {
      result.write_error = Error{"cannot write the executed notebook: " + written.error().message,
                                 written.error().where};
    }
  }

  ExecuteOptions execute_options_for(const check::DoctestPlan& plan, const ExampleIds& ended,
                                     const std::string& file,
                                     std::vector<std::string>& warnings) const {
    return cell_execution_options(config_.execute, config_.check.mode, plan, ended, file, warnings);
  }

  static void fail_every_cell(const Notebook& notebook, const std::string& reason,
                              SourceResult& result) {
    const Json& cells = notebook.cells();
    for (std::size_t index = 0; index < cells.size(); ++index) {
      if (cells[index].value("cell_type", "") != "code") continue;
      Verdict verdict;
      verdict.cell = index;
      verdict.line = index;
      verdict.example = notebook.path.string() + "::Cell " + std::to_string(result.verdicts.size());
      verdict.status = VerdictStatus::failed;
      verdict.reason = reason;
      result.verdicts.push_back(std::move(verdict));
    }
    if (result.verdicts.empty()) result.input_error = Error{reason, notebook.path.string()};
  }

  const RunConfig& config_;
  KernelHost& host_;
  const fs::path& runtime_dir_;
  ForkServers& fork_servers_;
  KernelReaper& reaper_;
  const CacheContext& cache_;
  const check::RequirementContext& requirements_;
  const GatewayClient* gateway_; // kernels start there when set
};

// Claimed sources whose kernels are warming, shared so that an idle worker takes over one
// that another worker prepared rather than wait at the end of the run.
class ReadyQueue {
public:
  void push(Claimed claimed) {
    const std::lock_guard lock(mutex_);
    ready_.push_back(std::move(claimed));
  }
  std::optional<Claimed> pop() {
    const std::lock_guard lock(mutex_);
    if (ready_.empty()) return std::nullopt;
    std::optional<Claimed> claimed(std::move(ready_.front()));
    ready_.pop_front();
    return claimed;
  }

private:
  std::mutex mutex_;
  std::deque<Claimed> ready_;
};

} // namespace

fs::path output_path_for(const fs::path& source, const fs::path& out_dir) {
  std::error_code error;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(source), error);
  fs::path relative = absolute.lexically_relative(fs::current_path(error));
  if (relative.empty() || *relative.begin() == "..") relative = absolute.relative_path();
  // Text sources are published as notebooks too: intro.md -> intro.ipynb.
  return out_dir / relative.replace_extension(".ipynb");
}

std::vector<SourceResult> run_notebooks(const RunConfig& config,
                                        const std::vector<fs::path>& notebooks,
                                        const SourceFinished& on_finished, const RunHooks& hooks) {
  std::vector<SourceResult> results(notebooks.size());
  Result<TempDir> runtime = TempDir::create("docnb-runtime");
  if (!runtime) {
    for (std::size_t i = 0; i < notebooks.size(); ++i) {
      results[i].source = notebooks[i];
      results[i].input_error = Error{
          "cannot create a runtime folder: " + runtime.error().describe(), notebooks[i].string()};
      on_finished(results[i]);
    }
    return results;
  }
  KernelHost host;
  ModuleProbe modules(config.python_executable);
  const check::RequirementContext requirements = check::host_requirement_context(
      config.requirement_flags,
      [&modules](const std::string& name) { return modules.available(name); });
  // Before the reaper: a server outlives the kernels it forked, which report through it.
  ForkServers fork_servers(runtime->path(), config.convert.docstrings.global_exec);
  KernelReaper reaper; // after host: every kernel is shut down before the context goes
  CacheContext cache;
  cache.cache = hooks.cache;
  std::map<std::string, double> durations;
  std::vector<std::string> ids;
  if (hooks.cache != nullptr) {
    durations = hooks.cache->durations();
    for (const fs::path& notebook : notebooks)
      ids.push_back(source_id(notebook, config.project_root));
    cache.config = execution_fingerprint(config);
    cache.depends =
        depends_digest(config.project_root, expand_globs(config.project_root, config.depends));
  } else {
    ids.resize(notebooks.size());
  }
  const std::vector<std::size_t> order = longest_first(ids, durations);
  std::atomic<std::size_t> next{0};
  const auto claim_index = [&]() -> std::optional<std::size_t> {
    const std::size_t k = next++;
    if (k >= order.size()) return std::nullopt;
    return order[k];
  };
  ReadyQueue ready;
  std::mutex report_mutex;
  const auto worker = [&] {
    NotebookJob job(config, host, runtime->path(), fork_servers, reaper, cache, requirements,
                    hooks.gateway);
    for (;;) {
      std::optional<Claimed> current = ready.pop();
      if (!current) {
        const std::optional<std::size_t> index = claim_index();
        if (!index) break; // whatever another worker still prepares, it runs itself
        current = job.claim(*index, notebooks[*index]);
      }
      if (hooks.on_started) {
        const std::lock_guard lock(report_mutex);
        hooks.on_started(current->path);
      }
      // The next kernel starts while this notebook runs.
      if (const std::optional<std::size_t> index = claim_index()) {
        ready.push(job.claim(*index, notebooks[*index]));
      }
      const std::size_t i = current->index;
      results[i] = job.run(*current);
      current.reset(); // a warm kernel never taken is stopped now, not at the end
      const std::lock_guard lock(report_mutex);
      on_finished(results[i]);
    }
  };
  const unsigned workers = std::max(1U, std::min<unsigned>(config.jobs, notebooks.size()));
  std::vector<std::jthread> threads;
  for (unsigned i = 1; i < workers; ++i)
    threads.emplace_back(worker);
  worker();
  threads.clear();
  return results;
}

} // namespace docnb
