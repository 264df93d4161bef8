// prepare_source (engine/source_job.hpp): a source from its file to its next stage.
#include "client/gateway_client.hpp"
#include "client/kernel_choice.hpp"
#include "client/remote_kernel_choice.hpp"
#include "engine/cache_key.hpp"
#include "engine/served_examples.hpp"
#include "engine/source_job.hpp"

#include <algorithm>

namespace docnb {
namespace fs = std::filesystem;
namespace {

// The kernelspec a source runs on: one installed here, or one of the gateway's. A kernelspec
// the notebook names that is not installed, replaced by docnb-python, is said in `warnings`;
// under --strict-kernel it is an error, as nbclient's NoSuchKernel.
Result<KernelSpec> kernelspec_for(const RunContext& context, const Notebook& notebook,
                                  std::vector<std::string>& warnings) {
  const RunConfig& config = context.config;
  const KernelRequest request = kernel_request_for(config.kernel_name, notebook);
  if (context.gateway != nullptr) {
    const GatewayClient& gateway = *context.gateway;
    const Result<std::string> name =
        choose_remote_kernel(request, gateway.kernelspecs(), gateway.default_kernel());
    if (!name) return name.error();
    return gateway.kernelspec(*name);
  }
  std::vector<std::string> installed;
  for (const KernelSpec& spec : find_kernelspecs(config.kernel_search))
    installed.push_back(spec.name);
  Result<std::string> chosen = choose_kernel(request, installed);
  if (!chosen) return chosen.error();
  if (std::optional<std::string> substituted = kernel_substitution(request, *chosen)) {
    if (config.strict_kernel) {
      return Error{"kernelspec '" + request.notebook_kernel +
                       "' is not installed (--strict-kernel: no fallback to " + *chosen + ")",
                   ""};
    }
    warnings.push_back(std::move(*substituted));
  }
  return find_kernelspec(*chosen, config.kernel_search);
}

bool is_ipykernel(const KernelSpec& spec) {
  return std::any_of(spec.argv.begin(), spec.argv.end(), [](const std::string& arg) {
    return arg == "ipykernel_launcher" || arg == "ipykernel";
  });
}

Result<KernelLaunch> kernel_launch(const RunContext& context, PlannedSource& planned,
                                   const fs::path& path) {
  const RunConfig& config = context.config;
  Result<KernelSpec> spec = kernelspec_for(context, planned.source.notebook, planned.plan.warnings);
  if (!spec) return Error{spec.error().message, path.string()};
  KernelLaunch launch;
  launch.spec = std::move(spec).value();
  // A page or notebook runs beside its files, as nbclient runs it. A module's examples run
  // where docnb was started, as xdoctest's do: a package folder holds files that shadow the
  // standard library (torch/__future__.py) once it is the kernel's first sys.path entry.
  launch.cwd = planned.source.kind == converters::SourceKind::docstring
                   ? fs::current_path()
                   : fs::absolute(path).parent_path();
  launch.environment = config.kernel_environment;
  launch.python_executable = config.python_executable;
  launch.startup_timeout = config.startup_timeout;
  launch.runtime_dir = context.runtime_dir;
  if (is_ipykernel(launch.spec)) {
    // As nbclient does: no history database shared between parallel kernels.
    launch.extra_arguments.emplace_back("--HistoryManager.hist_file=:memory:");
  }
  launch.gateway = context.gateway;
  return launch;
}

// Only a run the kernel got through and that passed is served again: a failure is always the
// verdict of a real run, as nbval users expect when they rerun one. A module's examples are
// isolated from each other (a fresh namespace each), so of a module that failed, the examples
// that passed are served and the failing ones run again.
struct Stored {
  std::optional<Decided> hit;  // the whole source is served
  check::ExampleIds served;    // else these examples are, from `judged`
  check::JudgedRun judged;
};

Stored look_up(const RunContext& context, PreparedSource& prepared, const KernelLaunch& launch) {
  const RunConfig& config = context.config;
  const PlannedSource& planned = *prepared.planned;
  if (context.cache == nullptr) return {};
  prepared.cache_id = source_id(prepared.path, config.project_root);
  if (!config.use_cache) return {};
  CacheKeyParts parts;
  parts.source = prepared.cache_id;
  parts.cells = code_cells_fingerprint(planned.source.notebook);
  parts.plan = plan_fingerprint(planned.plan, planned.source.notebook);
  parts.kernel = kernel_fingerprint(launch);
  parts.config = context.config_digest;
  parts.depends = context.depends_digest;
  if (planned.source.kind == converters::SourceKind::docstring) {
    parts.own_file = sha256_hex(planned.source.original);
  }
  prepared.cache_key = cache_key(parts);
  const std::optional<CachedRun> stored =
      context.cache->lookup(prepared.cache_id, prepared.cache_key);
  if (!stored) return {};
  std::optional<NotebookRun> replayed = replay(planned.source.notebook, *stored);
  if (!replayed) return {};
  check::JudgedRun judged = check::judge_run(planned.source.notebook, std::move(*replayed),
                                             config.check, planned.plan);
  if (std::none_of(judged.verdicts.begin(), judged.verdicts.end(),
                   [](const Verdict& v) { return v.failed(); })) {
    return Stored{Decided{std::move(judged), true}, {}, {}};
  }
  // --update and --diff run every part of every example, so they take nothing from it.
  if (planned.source.kind != converters::SourceKind::docstring || config.source_writes.any()) {
    return {};
  }
  check::ExampleIds served = passed_examples(planned.source.notebook, judged.verdicts);
  if (served.empty()) return {};
  return Stored{std::nullopt, std::move(served), std::move(judged)};
}

NextStage next_stage(const RunContext& context, PreparedSource& prepared) {
  const RunConfig& config = context.config;
  const PlannedSource& planned = *prepared.planned;
  if (code_cells_of(planned.source.notebook).empty()) return NothingToRun{};
  {
    const check::ExampleIds none;
    std::vector<std::string> ignored;
    const ExecuteOptions options = check::cell_execution_options(
        config.execute, config.check.mode, planned.plan, none, prepared.path.string(), ignored);
    if (std::optional<NotebookRun> skipped =
            check::run_without_kernel(planned.source.notebook, options)) {
      return Decided{check::judge_run(planned.source.notebook, std::move(*skipped), config.check,
                                      planned.plan),
                     false};
    }
  }
  Result<KernelLaunch> launch = kernel_launch(context, *prepared.planned, prepared.path);
  if (!launch) return Unreadable{launch.error()};
  Stored stored = look_up(context, prepared, *launch);
  if (stored.hit) return std::move(*stored.hit);
  if (context.gateway == nullptr) {
    launch->fork_server = context.fork_servers.for_launch(*launch, prepared.planned->plan.warnings);
  }
  return ToRun{WarmKernel(std::move(*launch), context.host), std::move(stored.served),
               std::move(stored.judged)};
}

} // namespace

PreparedSource prepare_source(const RunContext& context, std::size_t index, const fs::path& path,
                              std::optional<converters::Converted> converted) {
  const RunConfig& config = context.config;
  PreparedSource prepared{index, path, std::nullopt, {}, {}, NothingToRun{}};
  if (!converted) {
    Result<converters::Converted> read = read_and_convert(path, config, context.cache);
    if (!read) {
      prepared.next = Unreadable{read.error()};
      return prepared;
    }
    converted = std::move(read).value();
  }
  const auto selection = config.selected_examples.find(canonical_source(path));
  Result<PlannedSource> planned =
      plan_source(std::move(*converted),
                  selection == config.selected_examples.end() ? nullptr : &selection->second,
                  context.requirements);
  if (!planned) {
    prepared.next = Unreadable{planned.error()};
    return prepared;
  }
  prepared.planned = std::move(planned).value();
  prepared.next = next_stage(context, prepared);
  return prepared;
}

} // namespace docnb
