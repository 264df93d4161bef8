#include "engine/update.hpp"

#include "check/cell_policy.hpp"
#include "check/diff.hpp"
#include "check/text_cell.hpp"
#include "check/want.hpp"
#include "engine/judge_notebook.hpp"
#include "notebook/read.hpp"
#include "notebook/write.hpp"
#include "support/atomic_file.hpp"

#include <algorithm>

namespace docnb {
namespace {

bool ran_to_the_end(CellOutcome outcome) {
  return outcome == CellOutcome::ok || outcome == CellOutcome::error;
}

bool has_error_output(const Json& outputs) {
  return std::any_of(outputs.begin(), outputs.end(), [](const Json& output) {
    return output.is_object() && output.value("output_type", "") == "error";
  });
}

// True when storing the fresh outputs makes the cell pass: its failure was in the stored
// outputs, not an exception raised (or not raised) against its markers.
bool fresh_outputs_would_pass(const Json& reference_cell, const Json& fresh_outputs,
                              const CellRun& cell_run, const check::CheckOptions& options) {
  const bool raised = cell_run.reply_error || has_error_output(fresh_outputs);
  return raised == check::cell_policy(reference_cell, options.mode).raises_exception;
}

bool stored_needs_fresh_outputs(const Json& reference_cell, const Json& fresh_outputs,
                                const CellRun& cell_run, const check::CheckOptions& options) {
  check::CellRun got;
  got.outputs = fresh_outputs;
  got.reply_status_error = cell_run.reply_error;
  const bool never_run = reference_cell.value("execution_count", Json()).is_null();
  return never_run ||
         check::check_cell(reference_cell, got, options).outcome == check::Outcome::failed;
}

// The fresh count, also in the kept execute_result outputs, which repeat it ("Out[n]").
void renumber(Json& cell, const Json& count) {
  cell["execution_count"] = count;
  if (auto outputs = cell.find("outputs"); outputs != cell.end() && outputs->is_array()) {
    for (Json& output : *outputs) {
      if (output.is_object() && output.value("output_type", "") == "execute_result") {
        output["execution_count"] = count;
      }
    }
  }
}

std::string docnb_string(const Json& cell, const char* key) {
  const Json& metadata = cell.value("metadata", Json::object());
  return metadata.value("docnb", Json::object()).value(key, "");
}

// The want a cell's fresh outputs make. A block of a page shows what a REPL shows (its stdout,
// then its value); a docstring part what xdoctest compares: its stdout, else its value's repr
// (None included, for a part evaluated for its value).
std::string fresh_want(const Json& cell, const Json& outputs) {
  const check::DoctestGot got = check::doctest_got(outputs);
  const std::string mode = docnb_string(cell, "compile_mode");
  if (mode.empty() || mode == "single") return got.printed; // "single" prints its values
  if (!got.stdout_text.empty()) return got.stdout_text;
  if (got.result) return *got.result;
  return mode == "eval" ? "None" : "";
}

// Where a rewritten want sits in its source, for the report.
std::size_t want_line_of(const Json& cell) {
  const Json& metadata = cell.value("metadata", Json::object());
  const Json docnb = metadata.value("docnb", Json::object());
  const int line = docnb.value("want_line", 0);
  return static_cast<std::size_t>(line > 0 ? line : docnb.value("line", 0));
}

std::string diff_header(const std::filesystem::path& path) {
  return "--- " + path.string() + "\n+++ " + path.string() + " (updated)\n";
}

} // namespace

Result<NotebookSnapshot> read_notebook_snapshot(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Error{"is a directory", path.string()};
  Result<std::string> bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  Result<Notebook> notebook = read_notebook_text(*bytes, path);
  if (!notebook) return notebook.error();
  return NotebookSnapshot{std::move(notebook).value(), std::move(bytes).value()};
}

NotebookUpdate updated_notebook(const Notebook& reference, const NotebookRun& run,
                                const check::CheckOptions& options) {
  NotebookUpdate update{reference, {}, false};
  Json& cells = update.notebook.cells();
  const Json& executed = run.notebook.cells();
  for (const CellRun& cell_run : run.cells) {
    if (!ran_to_the_end(cell_run.outcome)) continue;
    Json& cell = cells.at(cell_run.index);
    const Json& fresh = executed.at(cell_run.index);
    const Json fresh_outputs = fresh.value("outputs", Json::array());
    const Json fresh_count = fresh.value("execution_count", Json());
    if (stored_needs_fresh_outputs(cell, fresh_outputs, cell_run, options)) {
      if (!fresh_outputs_would_pass(cell, fresh_outputs, cell_run, options)) continue;
      if (cell.value("outputs", Json::array()) != fresh_outputs) {
        update.cells.push_back(cell_run.index);
      }
      cell["outputs"] = fresh_outputs;
    }
    renumber(cell, fresh_count);
  }
  update.changed = update.notebook.document != reference.document;
  return update;
}

std::vector<converters::FreshOutput> fresh_text_outputs(const Notebook& reference,
                                                        const NotebookRun& run,
                                                        const check::CheckOptions& options,
                                                        const check::DoctestPlan& plan) {
  // Judged as the report judges them, so that deferred output and every comparison rule
  // (ELLIPSIS, normalisation, IGNORE_WANT) decide exactly as a following --check would.
  std::vector<std::string> ignored;
  const std::vector<Verdict> verdicts = judge_notebook(reference, run, options, plan, ignored);
  std::vector<converters::FreshOutput> fresh;
  const Json& cells = reference.cells();
  const Json& executed = run.notebook.cells();
  for (std::size_t i = 0; i < run.cells.size() && i < verdicts.size(); ++i) {
    const CellRun& cell_run = run.cells[i];
    if (!ran_to_the_end(cell_run.outcome)) continue;
    const std::size_t index = cell_run.index;
    if (index < plan.cells.size() && plan.cells[index] &&
        (plan.cells[index]->skip || plan.cells[index]->invalid)) {
      continue;
    }
    const Json& cell = cells.at(index);
    const check::CellPolicy policy = check::cell_policy(cell, options.mode);
    const Json outputs = executed.at(index).value("outputs", Json::array());
    if (policy.skip || policy.raises_exception || cell_run.reply_error ||
        has_error_output(outputs)) {
      continue;
    }
    const std::optional<std::string> want = check::want_of(cell);
    if (want && check::exception_want(*want)) continue; // a missing exception is the code's
    const bool failed = verdicts[i].status == VerdictStatus::failed;
    if (want && !failed) continue;
    if (!want && failed) continue;
    std::string printed = fresh_want(cell, outputs);
    if (!want && printed.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    fresh.push_back({index, std::move(printed)});
  }
  return fresh;
}

SourceUpdate update_source(const std::filesystem::path& path, const std::string& original,
                           converters::SourceKind kind, const Notebook& reference,
                           const check::DoctestPlan& plan, const NotebookRun& run,
                           const RunConfig& config) {
  if (run.cells.empty()) return {}; // nothing ran, nothing to write
  if (kind == converters::SourceKind::percent || kind == converters::SourceKind::gallery) {
    return {}; // scripts hold no expected outputs
  }
  if (kind != converters::SourceKind::notebook) {
    const std::vector<converters::FreshOutput> fresh =
        fresh_text_outputs(reference, run, config.check, plan);
    std::vector<std::size_t> lines;
    for (const converters::FreshOutput& output : fresh)
      lines.push_back(want_line_of(reference.cells().at(output.cell)));
    if (fresh.empty()) return apply_source_update(path, original, std::nullopt, {}, {});
    converters::Converted converted;
    converted.kind = kind;
    converted.notebook.path = path;
    converted.original = original;
    Result<converters::WriteBack> written = converters::write_back(converted, reference, fresh);
    if (!written) {
      SourceUpdate refused;
      refused.action = SourceUpdate::Action::refused;
      refused.error = written.error();
      return refused;
    }
    SourceUpdate update =
        apply_source_update(path, original, written->text, {}, config.source_writes);
    update.lines = std::move(lines);
    update.not_written = std::move(written->not_written);
    return update;
  }
  NotebookUpdate update = updated_notebook(reference, run, config.check);
  return apply_source_update(path, original,
                             update.changed ? std::optional(notebook_to_text(update.notebook))
                                            : std::nullopt,
                             std::move(update.cells), config.source_writes);
}

SourceUpdate apply_source_update(const std::filesystem::path& path, const std::string& original,
                                 const std::optional<std::string>& replacement,
                                 std::vector<std::size_t> cells, const SourceWrites& writes) {
  SourceUpdate update;
  update.cells = std::move(cells);
  if (!replacement || *replacement == original) return update;
  if (writes.diff) {
    update.diff = diff_header(path) +
                  check::unified_diff(original, *replacement, check::DiffStyle{writes.colour, 3});
  }
  if (!writes.update) {
    update.action = SourceUpdate::Action::pending;
    return update;
  }
  if (Status written = write_file_atomically(path, *replacement, original); !written) {
    update.action = SourceUpdate::Action::refused;
    update.error = written.error();
    return update;
  }
  update.action = SourceUpdate::Action::written;
  return update;
}

} // namespace docnb
