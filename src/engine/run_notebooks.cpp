#include "engine/run_notebooks.hpp"

#include "check/cell_policy.hpp"
#include "client/kernel_client.hpp"
#include "engine/judge_notebook.hpp"
#include "notebook/read.hpp"
#include "notebook/write.hpp"
#include "support/temp_dir.hpp"

#include <atomic>
#include <mutex>
#include <thread>

namespace docnb {
namespace fs = std::filesystem;

namespace {

constexpr std::chrono::milliseconds shutdown_grace{2'000};

std::string kernel_name_for(const RunConfig& config, const Notebook& notebook) {
  if (config.kernel_name) return *config.kernel_name;
  const Json& metadata = notebook.document.value("metadata", Json::object());
  if (const auto spec = metadata.find("kernelspec"); spec != metadata.end() && spec->is_object()) {
    if (const std::string name = spec->value("name", ""); !name.empty()) return name;
  }
  return "python3";
}

bool is_ipykernel(const KernelSpec& spec) {
  return std::any_of(spec.argv.begin(), spec.argv.end(), [](const std::string& arg) {
    return arg == "ipykernel_launcher" || arg == "ipykernel";
  });
}

// Runs one notebook from file to verdicts, in a kernel of its own.
class NotebookJob {
public:
  NotebookJob(const RunConfig& config, KernelHost& host, const fs::path& runtime_dir)
      : config_(config), host_(host), runtime_dir_(runtime_dir) {}

  SourceResult run(const fs::path& path) {
    const auto started = Clock::now();
    SourceResult result;
    result.source = path;
    execute(path, result);
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return result;
  }

private:
  void execute(const fs::path& path, SourceResult& result) {
    Result<Notebook> notebook = read_notebook(path);
    if (!notebook) {
      result.input_error = notebook.error();
      return;
    }
    Result<KernelSpec> spec =
        find_kernelspec(kernel_name_for(config_, *notebook), config_.kernel_search);
    if (!spec) {
      result.input_error = Error{spec.error().message, path.string()};
      return;
    }
    KernelLaunch launch;
    launch.spec = std::move(spec).value();
    launch.cwd = fs::absolute(path).parent_path();
    launch.environment = current_environment();
    launch.python_executable = config_.python_executable;
    launch.startup_timeout = config_.startup_timeout;
    launch.runtime_dir = runtime_dir_;
    if (is_ipykernel(launch.spec)) {
      // As nbclient does: no history database shared between parallel kernels.
      launch.extra_arguments.emplace_back("--HistoryManager.hist_file=:memory:");
    }
    Result<std::unique_ptr<KernelClient>> kernel = KernelClient::start(launch, host_);
    if (!kernel) {
      fail_every_cell(*notebook, "kernel did not start: " + kernel.error().describe(), result);
      return;
    }
    const Notebook reference = *notebook;
    ExecuteOptions execute = config_.execute;
    const check::CompareMode mode = config_.check.mode;
    execute.skip_cell = [mode](const Json& cell) { return check::cell_policy(cell, mode).skip; };
    ContinueAfter continue_after;
    if (config_.exit_first_per_notebook) {
      continue_after = [&](const Json& cell, const CellRun& cell_run) {
        return judge_cell(reference.cells().at(cell_run.index), cell, cell_run, config_.check) !=
               VerdictStatus::failed;
      };
    }
    NotebookRun run =
        execute_notebook(std::move(notebook).value(), **kernel, execute, continue_after);
    (*kernel)->shutdown(shutdown_grace);
    result.warnings = std::move(run.warnings);
    result.verdicts = judge_notebook(reference, run, config_.check, result.warnings);
    const fs::path out = output_path_for(path, config_.out_dir);
    if (Status written = write_notebook(run.notebook, out); written) {
      result.written = out;
    } else {
      result.write_error = Error{"cannot write the executed notebook: " + written.error().message,
                                 written.error().where};
    }
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
};

} // namespace

fs::path output_path_for(const fs::path& source, const fs::path& out_dir) {
  std::error_code error;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(source), error);
  fs::path relative = absolute.lexically_relative(fs::current_path(error));
  if (relative.empty() || *relative.begin() == "..") relative = absolute.relative_path();
  return out_dir / relative;
}

std::vector<SourceResult> run_notebooks(const RunConfig& config,
                                        const std::vector<fs::path>& notebooks,
                                        const SourceFinished& on_finished) {
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
  std::atomic<std::size_t> next{0};
  std::mutex report_mutex;
  const auto worker = [&] {
    NotebookJob job(config, host, runtime->path());
    for (std::size_t i = next++; i < notebooks.size(); i = next++) {
      results[i] = job.run(notebooks[i]);
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
