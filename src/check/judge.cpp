#include "check/judge.hpp"

#include "check/text_cell.hpp"

#include <span>

namespace docnb::check {
namespace {

// A cell's outputs, by reference: a flood's text is not copied to be judged.
const Json& outputs_of(const Json& cell) {
  static const Json none = Json::array();
  const auto outputs = cell.find("outputs");
  return outputs != cell.end() ? *outputs : none;
}

std::string first_line(const Json& cell) {
  const std::string source = cell.value("source", "");
  return source.substr(0, source.find('\n'));
}

bool execution_failed(CellStatus status) {
  return status == CellStatus::aborted || status == CellStatus::timed_out ||
         status == CellStatus::kernel_died || status == CellStatus::not_run;
}

const CellDoctest* doctest_of(const DoctestPlan& plan, std::size_t index) {
  if (index >= plan.cells.size() || !plan.cells[index]) return nullptr;
  return &*plan.cells[index];
}

Verdict outcome_only(Outcome outcome, std::string reason) {
  Verdict verdict;
  verdict.outcome = outcome;
  verdict.reason = std::move(reason);
  return verdict;
}

// A text source's cell by the doctest rules its plan gives it.
Verdict check_doctest_cell(const Json& reference_cell, const Json& executed_cell,
                           const CellRun& run, const CellDoctest& doctest,
                           const CheckOptions& options, std::span<const std::string> deferred) {
  if (doctest.invalid) return outcome_only(Outcome::failed, "bad directive: " + *doctest.invalid);
  if (doctest.skip) return outcome_only(Outcome::skipped, *doctest.skip);
  if (is_comment_only_part(reference_cell)) return outcome_only(Outcome::skipped, "no code");
  CellPolicy policy = cell_policy(reference_cell, options.mode);
  if (policy.skip) return outcome_only(Outcome::skipped, "skipped");
  Verdict verdict = check_text_cell(reference_cell, outputs_of(executed_cell), run.reply_error,
                                    doctest.options, policy, deferred);
  verdict.warnings = std::move(policy.warnings);
  return verdict;
}

// Where the verdict points: a text source's cell at its file and line, by its example id; a
// notebook's cell by its number among code cells.
void locate(const Json& cell, const std::string& file, std::size_t code_ordinal, Verdict& verdict) {
  verdict.example = ExampleId::cell(file, code_ordinal);
  const std::optional<SourceMap> map = source_map_of(cell);
  if (!map) return;
  if (map->line > 0) {
    verdict.line = static_cast<std::size_t>(map->line);
    verdict.example = ExampleId::line(file, verdict.line);
    verdict.in_text = true;
  }
  if (!map->example.empty()) verdict.example = map->example;
  verdict.setup = map->role == CellRole::example_namespace;
  verdict.hidden = map->hidden();
}

} // namespace

CellJudge::CellJudge(const Notebook& reference, const CheckOptions& options,
                     const DoctestPlan& plan)
    : reference_(reference), options_(options), plan_(plan) {
  const Json& cells = reference.cells();
  code_ordinal_.resize(cells.size());
  std::size_t ordinal = 0;
  for (std::size_t index = 0; index < cells.size(); ++index) {
    code_ordinal_[index] = ordinal;
    if (cells[index].value("cell_type", "") == "code") ++ordinal;
  }
}

Verdict CellJudge::judge(const CellRun& cell_run, const Json& executed_cell) {
  const Json& reference_cell = reference_.cells().at(cell_run.index);
  Verdict verdict;
  bool checked = false; // compared with what its source says, rather than decided by how it ran
  if (execution_failed(cell_run.status)) {
    verdict = outcome_only(Outcome::failed, cell_run.reason);
  } else if (cell_run.status == CellStatus::skipped && cell_run.reason != empty_cell_reason) {
    // Not run at the engine's request: its directives, nbval's markers, or an earlier failing
    // part of its example; a directive that cannot be honoured fails it.
    const CellDoctest* doctest = doctest_of(plan_, cell_run.index);
    verdict = doctest != nullptr && doctest->invalid
                  ? outcome_only(Outcome::failed, "bad directive: " + *doctest->invalid)
                  : outcome_only(Outcome::skipped, cell_run.reason);
  } else {
    checked = true;
    const std::optional<SourceMap> map = source_map_of(reference_cell);
    // What the want-less cells of one example printed waits for the next want to match
    // (xdoctest's deferred output); a cell with a want, or a new example, empties it.
    const ExampleId example = map ? map->example : ExampleId{};
    if (example != deferred_example_) {
      deferred_example_ = example;
      deferred_printed_.clear();
    }
    const CellDoctest* doctest = doctest_of(plan_, cell_run.index);
    verdict = doctest != nullptr ? check_doctest_cell(reference_cell, executed_cell, cell_run,
                                                      *doctest, options_, deferred_printed_)
                                 : check_cell(reference_cell, outputs_of(executed_cell),
                                              cell_run.reply_error, options_);
    if (doctest == nullptr) {
      // A notebook cell: no want waits for what it printed (nor keeps a copy of it).
    } else if (!map || !map->want || map->want->empty()) {
      // Only what was printed waits: a want-less part's value is not output (xdoctest never
      // evaluates it for display).
      deferred_printed_.push_back(doctest_got(outputs_of(executed_cell)).stdout_text);
    } else {
      deferred_printed_.clear();
    }
    // A failed reply without an error output (ipykernel's %bad_magic) names its error only
    // in the reply.
    if (cell_run.reply_error && verdict.failed() &&
        verdict.reason.find(cell_run.reason) == std::string::npos) {
      verdict.reason += " (" + cell_run.reason + ")";
    }
  }
  verdict.cell = cell_run.index;
  verdict.line = cell_run.index;
  verdict.seconds = cell_run.seconds;
  verdict.first_line = first_line(reference_cell);
  locate(reference_cell, reference_.path.string(), code_ordinal_.at(cell_run.index), verdict);
  if (verdict.setup && verdict.failed() && checked) {
    // The cell is docnb's own code; what failed is the example's module or global_exec.
    verdict.first_line.clear();
    verdict.reason =
        "importing the example's module or running global_exec failed: " + verdict.reason;
  }
  // Named as every report names the example: "Cell N" in a notebook, file:line in a page.
  const std::string where = verdict.in_text ? verdict.example.str() : verdict.example.local_name();
  for (std::string& warning : verdict.warnings)
    warning = where + ": " + warning;
  return verdict;
}

JudgedRun judge_run(const Notebook& reference, NotebookRun run, const CheckOptions& options,
                    const DoctestPlan& plan) {
  CellJudge judge(reference, options, plan);
  JudgedRun judged;
  for (const CellRun& cell_run : run.cells)
    judged.verdicts.push_back(judge.judge(cell_run, run.notebook.cells().at(cell_run.index)));
  judged.run = std::move(run);
  return judged;
}

} // namespace docnb::check
