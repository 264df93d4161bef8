#include "engine/run_notebooks.hpp"

#include "client/remote_kernel_choice.hpp"
#include "engine/cache.hpp"
#include "engine/module_probe.hpp"
#include "engine/project_files.hpp"
#include "engine/schedule.hpp"
#include "engine/shared_units.hpp"
#include "engine/source_job.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace docnb {
namespace fs = std::filesystem;
namespace {

// Prepared sources whose kernels are warming, shared so that an idle worker takes over one
// that another worker prepared rather than wait at the end of the run. A worker that finds
// nothing left to prepare waits for the sources still being prepared: leaving then would leave
// a source to the worker that runs another one first.
class ReadyQueue {
public:
  // Runs `prepare` (the next source, or nullopt when none is left) and queues what it returns.
  template <class Prepare> void prepare(Prepare prepare) {
    {
      const std::lock_guard lock(mutex_);
      ++preparing_;
    }
    struct Queued {
      ReadyQueue& queue;
      std::optional<PreparedSource> prepared;
      ~Queued() { queue.prepared(std::move(prepared)); }
    } queued{*this, std::nullopt};
    queued.prepared = prepare();
  }
  std::optional<PreparedSource> pop() {
    const std::lock_guard lock(mutex_);
    return take_front();
  }
  // Waits while the queue is empty and a source is being prepared; nullopt when none is.
  std::optional<PreparedSource> pop_when_prepared() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty() || preparing_ == 0; });
    return take_front();
  }

private:
  void prepared(std::optional<PreparedSource> prepared) {
    {
      const std::lock_guard lock(mutex_);
      --preparing_;
      if (prepared) ready_.push_back(std::move(*prepared));
    }
    changed_.notify_all();
  }
  std::optional<PreparedSource> take_front() {
    if (ready_.empty()) return std::nullopt;
    std::optional<PreparedSource> prepared(std::move(ready_.front()));
    ready_.pop_front();
    return prepared;
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<PreparedSource> ready_;
  std::size_t preparing_ = 0;
};

// Hands out sources in the order they should start, each once, with what was read of it.
class SourceQueue {
public:
  SourceQueue(const std::vector<fs::path>& sources, std::vector<std::size_t> order,
              AlreadyRead already_read, const StopRequest* stop)
      : sources_(sources), order_(std::move(order)), already_read_(std::move(already_read)),
        stop_(stop) {}

  [[nodiscard]] bool stopping() const { return stop_ != nullptr && stop_->requested(); }

  // The next source's index and what was read of it, or nullopt when every source is taken or
  // the run is being stopped.
  std::optional<std::pair<std::size_t, std::optional<converters::Converted>>> next() {
    const std::lock_guard lock(mutex_);
    if (stopping() || next_ >= order_.size()) return std::nullopt;
    const std::size_t index = order_[next_++];
    std::optional<converters::Converted> converted;
    if (auto read = already_read_.find(sources_[index]); read != already_read_.end()) {
      converted = std::move(read->second);
      already_read_.erase(read);
    }
    return std::pair{index, std::move(converted)};
  }

private:
  const std::vector<fs::path>& sources_;
  std::vector<std::size_t> order_;
  AlreadyRead already_read_;
  const StopRequest* stop_;
  std::mutex mutex_;
  std::size_t next_ = 0;
};

// An exception escaping the work on one source is a bug in docnb. It must not cost every other
// source its result, nor leave kernels behind (they are owned, and stop as it unwinds): it
// becomes that source's error, and the run goes on.
Error internal_error(const fs::path& source, const std::exception& error) {
  return Error{std::string("internal error while handling this source (please report it): ") +
                   error.what(),
               source.string()};
}

std::vector<SourceResult> unrunnable(const std::vector<fs::path>& sources, const Error& why,
                                     const SourceFinished& on_finished) {
  std::vector<SourceResult> results(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    results[i].source = sources[i];
    results[i].input_error = Error{why.message, sources[i].string()};
    on_finished(results[i]);
  }
  return results;
}

// The order sources start in: longest first, by the durations the cache recorded.
std::vector<std::size_t> start_order(const RunContext& context,
                                     const std::vector<fs::path>& sources) {
  std::vector<std::string> ids(sources.size());
  if (context.cache != nullptr) {
    for (std::size_t i = 0; i < sources.size(); ++i)
      ids[i] = source_id(sources[i], context.config.project_root);
  }
  return longest_first(ids, *context.durations);
}

// What every source's cache key shares, computed once per run; nothing without a cache.
void share_cache_digests(RunContext& context) {
  if (context.cache == nullptr) return;
  const RunConfig& config = context.config;
  context.config_digest = execution_fingerprint(config);
  context.depends_digest =
      depends_digest(config.project_root, expand_globs(config.project_root, config.depends));
}

PreparedSource prepare_guarded(const RunContext& context, std::size_t index, const fs::path& path,
                               std::optional<converters::Converted> converted) {
  try {
    return prepare_source(context, index, path, std::move(converted));
  } catch (const std::exception& error) {
    PreparedSource failed;
    failed.index = index;
    failed.path = path;
    failed.next = Unreadable{internal_error(path, error)};
    return failed;
  }
}

// `started` is called first: what it throws is the source's error too.
SourceResult run_guarded(const RunContext& context, PreparedSource& prepared,
                         const std::function<void()>& started) {
  try {
    started();
    return run_source(context, prepared);
  } catch (const std::exception& error) {
    SourceResult result;
    result.source = prepared.path;
    result.input_error = internal_error(prepared.path, error);
    return result;
  }
}

} // namespace

std::vector<SourceResult> run_notebooks(const RunConfig& config,
                                        const std::vector<fs::path>& sources,
                                        const SourceFinished& on_finished, const RunHooks& hooks,
                                        AlreadyRead already_read) {
  Result<TempDir> runtime = TempDir::create("docnb-runtime");
  if (!runtime) {
    return unrunnable(sources,
                      Error{"cannot create a runtime folder: " + runtime.error().describe(), ""},
                      on_finished);
  }
  KernelHost host;
  ModuleProbe modules(config.python_executable);
  const check::RequirementContext requirements = check::host_requirement_context(
      config.requirement_flags,
      [&modules](const std::string& name) { return modules.available(name); });
  // Before the reaper: a server outlives the kernels it forked, which report through it.
  ForkServers fork_servers(runtime->path(), config.fork,
                           ForkPreload{config.convert.docstrings.global_exec, config.preload});
  // After host: every kernel is shut down before the context goes.
  KernelReaper reaper(config.shutdown_grace);
  RunContext context{config, host, runtime->path(), fork_servers, reaper,       hooks.cache,
                     {},     {},   requirements,    hooks.stop,   hooks.gateway};
  share_cache_digests(context);
  const std::map<std::string, double> durations =
      hooks.cache != nullptr ? hooks.cache->durations() : std::map<std::string, double>{};
  context.durations = &durations;
  // With one worker, or --split-min negative, no worker is ever idle to help with a module.
  std::optional<UnitBoard> board;
  if (config.jobs > 1 && config.split_min_seconds >= 0) board.emplace(config.split_min_seconds);
  context.board = board ? &*board : nullptr;
  SourceQueue queue(sources, start_order(context, sources), std::move(already_read), hooks.stop);
  std::vector<SourceResult> results(sources.size());
  ReadyQueue ready;
  std::mutex report_mutex;
  const auto prepare_next = [&]() -> std::optional<PreparedSource> {
    auto next = queue.next();
    if (!next) return std::nullopt;
    if (board) board->source_taken();
    return prepare_guarded(context, next->first, sources[next->first], std::move(next->second));
  };
  const auto worker = [&] {
    for (;;) {
      if (queue.stopping()) break; // what is prepared and not started is dropped
      std::optional<PreparedSource> current = ready.pop();
      if (!current) current = prepare_next();
      if (!current) current = ready.pop_when_prepared();
      if (!current) {
        // No source left to start: this worker takes over examples of a module still running.
        if (board && board->help_when_worth_it(hooks.stop)) continue;
        break;
      }
      // The next kernel starts while this source runs.
      ready.prepare(prepare_next);
      const std::size_t i = current->index;
      if (queue.stopping()) break;
      results[i] = run_guarded(context, *current, [&] {
        if (!hooks.on_started) return;
        const std::lock_guard lock(report_mutex);
        hooks.on_started(current->path);
      });
      current.reset(); // a warm kernel never taken is stopped now, not at the end
      {
        const std::lock_guard lock(report_mutex);
        on_finished(results[i]);
      }
      if (board) board->source_done();
    }
  };
  // A worker more than there are sources may still help with a module's examples.
  const unsigned workers =
      board ? config.jobs : std::max(1U, std::min<unsigned>(config.jobs, sources.size()));
  std::vector<std::jthread> threads;
  for (unsigned i = 1; i < workers; ++i)
    threads.emplace_back(worker);
  worker();
  threads.clear();
  // Sources never started (the run was stopped) have no result, nor a path: not reported.
  std::erase_if(results, [](const SourceResult& result) { return result.source.empty(); });
  return results;
}

} // namespace docnb
