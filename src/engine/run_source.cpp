// run_source (engine/source_job.hpp): a prepared source executed or served, judged once,
// written.
#include "check/example_verdicts.hpp"
#include "engine/doctest_call.hpp"
#include "engine/execute_units.hpp"
#include "engine/output_path.hpp"
#include "engine/served_examples.hpp"
#include "engine/shared_units.hpp"
#include "engine/source_job.hpp"
#include "engine/unit_durations.hpp"
#include "notebook/write.hpp"

#include <algorithm>

namespace docnb {
namespace {

using Seconds = std::chrono::duration<double>;

// The verdicts, warnings, --update and executed notebook of a judged run: the same for a real
// run and a served one.
void finish(const RunContext& context, const PlannedSource& planned, check::JudgedRun judged,
            SourceResult& result) {
  const RunConfig& config = context.config;
  result.warnings = planned.plan.warnings;
  result.warnings.insert(result.warnings.end(), judged.run.warnings.begin(),
                         judged.run.warnings.end());
  for (const Verdict& verdict : judged.verdicts)
    result.warnings.insert(result.warnings.end(), verdict.warnings.begin(), verdict.warnings.end());
  if (config.source_writes.any()) {
    result.update =
        update_source(planned.source, planned.plan, judged, config.check, config.source_writes);
  }
  if (config.keep_cell_contents) {
    result.contents =
        cell_contents(planned.source.notebook, judged.run.notebook, planned.plan, config.check);
  }
  result.verdicts = check::merge_example_parts(std::move(judged.verdicts));
  const std::filesystem::path out = output_path_for(result.source, config.out_dir);
  if (Status written = write_notebook(judged.run.notebook, out); written) {
    result.written = out;
  } else {
    result.write_error = Error{"cannot write the executed notebook: " + written.error().message,
                               written.error().where};
  }
}

// Each example's duration, for the order of the next run's examples.
void record_unit_durations(const RunContext& context, SharedUnits& shared,
                           const std::vector<std::string>& keys) {
  if (context.cache == nullptr || !context.config.record_durations) return;
  const std::vector<std::optional<double>> seconds = shared.seconds();
  for (std::size_t k = 0; k < seconds.size(); ++k) {
    if (seconds[k] && !keys[k].empty()) (void)context.cache->record_duration(keys[k], *seconds[k]);
  }
}

void store(const RunContext& context, const PreparedSource& prepared, const NotebookRun& run,
           double seconds, SourceResult& result) {
  const std::optional<double> duration =
      context.config.record_durations ? std::optional(seconds) : std::nullopt;
  if (Status stored = context.cache->store(prepared.cache_id, prepared.cache_key, run, duration);
      !stored) {
    result.warnings.push_back("not cached: " + stored.error().describe());
  }
}

// The executed notebook keeps the kernelspec it stores, as nbclient leaves it, even when
// docnb-python stood in for one that is not installed (the run's warning says what ran).
// A text source has none of its own, and --kernel naming another replaces it: those name
// the kernel that ran.
void name_kernel(Notebook& executed, converters::SourceKind kind,
                 const std::optional<std::string>& kernel_option, const KernelSpec& ran) {
  Json& metadata = executed.document["metadata"];
  const auto stored = metadata.find("kernelspec");
  const bool has_own =
      kind == converters::SourceKind::notebook && stored != metadata.end() && stored->is_object();
  if (has_own && (!kernel_option || *kernel_option == stored->value("name", ""))) return;
  metadata["kernelspec"] =
      Json{{"name", ran.name}, {"display_name", ran.display_name}, {"language", ran.language}};
}

void execute(const RunContext& context, PreparedSource& prepared, ToRun& to_run,
             SourceResult& result, Clock::time_point started) {
  const RunConfig& config = context.config;
  const PlannedSource& planned = *prepared.planned;
  const Notebook& reference = planned.source.notebook;
  const bool docstrings = planned.source.kind == converters::SourceKind::docstring;
  const KernelLaunch launch = to_run.kernel.launch();
  // Cells are judged as they finish: -x stops the notebook at its first failure, and a
  // docstring example ends at its first failing part, as xdoctest's does (later parts would
  // run on a state the example did not expect, and may hang). --update and --diff run every
  // part, so that one pass rewrites every stale want.
  check::ExampleIds ended;
  const bool examples_end_at_failure = docstrings && !config.source_writes.any();
  const ContinueAfterVerdict continue_after = [&](const Json& cell, const Verdict& verdict) {
    if (!verdict.failed()) return true;
    if (examples_end_at_failure) ended.insert(check::example_of(cell));
    return !config.exit_first_per_notebook;
  };
  std::vector<std::string> skip_warnings;
  ExecuteOptions options =
      check::cell_execution_options(config.execute, config.check.mode, planned.plan, ended,
                                    prepared.path.string(), skip_warnings);
  options.stop = context.stop;
  options.code_for = doctest_part_code;
  options.prelude = doctest_runner_install();
  check::CellJudge judge(reference, config.check, planned.plan);
  std::vector<ExecutionUnit> units = execution_units(reference, planned.source.kind, to_run.served);
  std::vector<std::string> keys;
  for (const ExecutionUnit& unit : units)
    keys.push_back(docstrings ? unit_duration_key(prepared.cache_id, reference, unit) : "");
  const std::map<std::string, double> none;
  UnitSchedule schedule =
      schedule_units(units, keys, context.durations != nullptr ? *context.durations : none);
  SharedUnits shared(std::move(units), std::move(schedule.order), std::move(schedule.estimates));
  // A module's examples are isolated: other workers may take some (a page's cells share state).
  UnitBoard* board = docstrings && shared.units().size() > 1 ? context.board : nullptr;
  check::JudgedRun judged = execute_shared_units(
      reference, shared,
      UnitKernels{to_run.kernel.take(), launch, context.host, context.reaper,
                  (config.fresh_kernel_per_example && docstrings) || has_groups(reference)},
      options, judge, continue_after, board);
  if (docstrings) record_unit_durations(context, shared, keys);
  judged.run.warnings.insert(judged.run.warnings.end(), skip_warnings.begin(), skip_warnings.end());
  if (!to_run.served.empty()) {
    serve_examples(reference, to_run.served, to_run.stored, judged);
    result.examples_cached = to_run.served.size();
  }
  name_kernel(judged.run.notebook, planned.source.kind, config.kernel_name, launch.spec);
  // A module's run is stored even when some of its examples failed: the next run serves the
  // examples that passed. Another source's is stored only when it passed.
  const bool failed = std::any_of(judged.verdicts.begin(), judged.verdicts.end(),
                                  [](const Verdict& verdict) { return verdict.failed(); });
  const bool storable =
      kernel_behaved(judged.run) && !prepared.cache_key.empty() && (docstrings || !failed);
  std::optional<NotebookRun> kept;
  if (storable) kept = judged.run;
  finish(context, planned, std::move(judged), result);
  if (kept && (docstrings || !result.failed())) {
    store(context, prepared, *kept, Seconds(Clock::now() - started).count(), result);
  }
}

} // namespace

SourceResult run_source(const RunContext& context, PreparedSource& prepared) {
  const auto started = Clock::now();
  SourceResult result;
  result.source = prepared.path;
  bool served_whole = false;
  if (auto* unreadable = std::get_if<Unreadable>(&prepared.next)) {
    result.input_error = std::move(unreadable->error);
  } else if (std::holds_alternative<NothingToRun>(prepared.next)) {
    // A prose page is still published; a module without examples has nothing to show but
    // its warnings (a docstring whose examples are not Python).
    const PlannedSource& planned = *prepared.planned;
    if (planned.source.kind != converters::SourceKind::docstring) {
      finish(context, planned,
             check::JudgedRun{{planned.source.notebook, {}, false, false, {}}, {}}, result);
    } else {
      result.warnings = planned.plan.warnings;
    }
  } else if (auto* decided = std::get_if<Decided>(&prepared.next)) {
    result.cached = served_whole = decided->cached;
    finish(context, *prepared.planned, std::move(decided->judged), result);
  } else {
    execute(context, prepared, std::get<ToRun>(prepared.next), result, started);
  }
  result.seconds = Seconds(Clock::now() - started).count();
  if (!served_whole && !prepared.cache_id.empty() && !result.input_error &&
      context.cache != nullptr && context.config.record_durations) {
    (void)context.cache->record_duration(prepared.cache_id, result.seconds);
  }
  return result;
}

} // namespace docnb
