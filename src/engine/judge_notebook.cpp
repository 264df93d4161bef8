#include "engine/judge_notebook.hpp"

#include "check/text_cell.hpp"

#include <span>

namespace docnb {
namespace {

std::string first_line(const Json& cell) {
  const std::string source = cell.value("source", "");
  return source.substr(0, source.find('\n'));
}

bool execution_failed(CellOutcome outcome) {
  return outcome == CellOutcome::aborted || outcome == CellOutcome::timed_out ||
         outcome == CellOutcome::kernel_died || outcome == CellOutcome::not_run;
}

VerdictStatus to_status(check::Outcome outcome) {
  switch (outcome) {
  case check::Outcome::passed:
    return VerdictStatus::passed;
  case check::Outcome::failed:
    return VerdictStatus::failed;
  case check::Outcome::skipped:
    return VerdictStatus::skipped;
  }
  return VerdictStatus::failed;
}

const check::CellDoctest* doctest_of(const check::DoctestPlan& plan, std::size_t index) {
  if (index >= plan.cells.size() || !plan.cells[index]) return nullptr;
  return &*plan.cells[index];
}

// A cell's outputs, by reference: a flood's text is not copied to be judged.
const Json& outputs_of(const Json& cell) {
  static const Json none = Json::array();
  const auto outputs = cell.find("outputs");
  return outputs != cell.end() ? *outputs : none;
}

check::Verdict check_one(const Json& reference_cell, const Json& executed_cell, const CellRun& run,
                         const check::CheckOptions& options, const check::DoctestPlan& plan,
                         std::span<const std::string> deferred = {}) {
  if (const check::CellDoctest* doctest = doctest_of(plan, run.index)) {
    check::Verdict verdict;
    if (doctest->invalid) {
      verdict.outcome = check::Outcome::failed;
      verdict.reason = "bad directive: " + *doctest->invalid;
    } else if (doctest->skip) {
      verdict.outcome = check::Outcome::skipped;
      verdict.reason = *doctest->skip;
    } else if (check::is_comment_only_part(reference_cell)) {
      verdict.outcome = check::Outcome::skipped;
      verdict.reason = "no code";
    } else {
      check::CellPolicy policy = check::cell_policy(reference_cell, options.mode);
      if (policy.skip) {
        verdict.outcome = check::Outcome::skipped;
        verdict.reason = "skipped";
        return verdict;
      }
      verdict = check::check_text_cell(reference_cell, outputs_of(executed_cell), run.reply_error,
                                       doctest->options, policy, deferred);
      verdict.warnings = std::move(policy.warnings);
    }
    return verdict;
  }
  return check::check_cell(reference_cell, outputs_of(executed_cell), run.reply_error, options);
}

// A text source's cell is reported at its file and line, by its example id.
void locate_in_source(const Json& cell, const std::string& file, Verdict& verdict) {
  const Json& metadata = cell.value("metadata", Json::object());
  const auto docnb = metadata.find("docnb");
  if (docnb == metadata.end() || !docnb->is_object()) return;
  if (const auto line = docnb->find("line"); line != docnb->end() && line->is_number_integer()) {
    verdict.line = line->get<std::size_t>();
    verdict.example = file + ":" + std::to_string(verdict.line);
    verdict.in_text = true;
  }
  if (const auto example = docnb->find("example");
      example != docnb->end() && example->is_string()) {
    verdict.example = example->get<std::string>();
  }
  const std::string role = docnb->value("role", "");
  verdict.setup = role == "namespace";
  verdict.hidden = role == "setup" || role == "cleanup";
}

std::string docnb_string(const Json& cell, const char* key) {
  const auto metadata = cell.find("metadata");
  if (metadata == cell.end() || !metadata->is_object() || !metadata->contains("docnb")) return {};
  const Json& docnb = (*metadata)["docnb"];
  const auto value = docnb.find(key);
  return value != docnb.end() && value->is_string() ? value->get<std::string>() : std::string();
}

} // namespace

Verdict CellJudge::judge(const CellRun& cell_run, const Json& executed_cell) {
  const Json& reference_cell = reference_.cells().at(cell_run.index);
  const std::string file = reference_.path.string();
  Verdict verdict;
  verdict.cell = cell_run.index;
  verdict.line = cell_run.index;
  verdict.example = file + "::Cell " + std::to_string(code_index_++);
  locate_in_source(reference_cell, file, verdict);
  verdict.first_line = first_line(reference_cell);
  verdict.seconds = cell_run.seconds;
  if (execution_failed(cell_run.outcome)) {
    verdict.status = VerdictStatus::failed;
    verdict.reason = cell_run.reason;
    return verdict;
  }
  if (cell_run.outcome == CellOutcome::skipped && cell_run.reason != empty_cell_reason) {
    // Not run at the engine's request: its directives, nbval's markers, or an earlier failing
    // part of its example; a directive that cannot be honoured fails it.
    const check::CellDoctest* doctest = doctest_of(plan_, cell_run.index);
    const bool invalid = doctest != nullptr && doctest->invalid;
    verdict.status = invalid ? VerdictStatus::failed : VerdictStatus::skipped;
    verdict.reason = invalid ? "bad directive: " + *doctest->invalid : cell_run.reason;
    return verdict;
  }
  // What the want-less cells of one example printed waits for the next want to match
  // (xdoctest's deferred output); a cell with a want, or a new example, empties it.
  if (const std::string example = docnb_string(reference_cell, "example");
      example != deferred_example_) {
    deferred_example_ = example;
    deferred_printed_.clear();
  }
  const Json& outputs = outputs_of(executed_cell);
  const check::Verdict checked =
      check_one(reference_cell, executed_cell, cell_run, options_, plan_, deferred_printed_);
  if (doctest_of(plan_, cell_run.index) == nullptr) {
    // A notebook cell: no want waits for what it printed (nor keeps a copy of it).
  } else if (docnb_string(reference_cell, "want").empty()) {
    // Only what was printed waits: a want-less part's value is not output (xdoctest never
    // evaluates it for display).
    deferred_printed_.push_back(check::doctest_got(outputs).stdout_text);
  } else {
    deferred_printed_.clear();
  }
  verdict.status = to_status(checked.outcome);
  verdict.reason = checked.reason;
  // A failed reply without an error output (ipykernel's %bad_magic) names its error only
  // in the reply.
  if (cell_run.reply_error && verdict.status == VerdictStatus::failed &&
      verdict.reason.find(cell_run.reason) == std::string::npos) {
    verdict.reason += " (" + cell_run.reason + ")";
  }
  if (verdict.setup && verdict.status == VerdictStatus::failed) {
    // The cell is docnb's own code; what failed is the example's module or global_exec.
    verdict.first_line.clear();
    verdict.reason =
        "importing the example's module or running global_exec failed: " + verdict.reason;
  }
  for (const check::KeyDiff& diff : checked.diffs) {
    verdict.details.push_back(diff.message + (diff.diff.empty() ? "" : "\n" + diff.diff));
  }
  for (const std::string& warning : checked.warnings) {
    warnings_.push_back("cell " + std::to_string(cell_run.index) + ": " + warning);
  }
  return verdict;
}

std::vector<Verdict> judge_notebook(const Notebook& reference, const NotebookRun& run,
                                    const check::CheckOptions& options,
                                    const check::DoctestPlan& plan,
                                    std::vector<std::string>& warnings) {
  CellJudge judge(reference, options, plan, warnings);
  std::vector<Verdict> verdicts;
  const Json& executed_cells = run.notebook.cells();
  for (const CellRun& cell_run : run.cells) {
    verdicts.push_back(judge.judge(cell_run, executed_cells.at(cell_run.index)));
  }
  return verdicts;
}

} // namespace docnb
