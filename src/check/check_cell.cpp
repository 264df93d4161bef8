#include "check/check_cell.hpp"

namespace docnb::check {

namespace {

const Json* first_error(const Json& outputs) {
  if (!outputs.is_array()) {
    return nullptr;
  }
  for (const Json& output : outputs) {
    if (output.is_object() && output.value("output_type", "") == "error") {
      return &output;
    }
  }
  return nullptr;
}

std::string describe_error(const Json& error) {
  const std::string ename = error.value("ename", "");
  const std::string evalue = error.value("evalue", "");
  return evalue.empty() ? ename : ename + ": " + evalue;
}

Verdict failed(std::string reason, std::vector<std::string> warnings) {
  return Verdict{Outcome::failed, std::move(reason), {}, std::move(warnings)};
}

bool has_outputs(const Json& cell) {
  const auto outputs = cell.find("outputs");
  return outputs != cell.end() && outputs->is_array() && !outputs->empty();
}

} // namespace

Verdict check_cell(const Json& reference_cell, const CellRun& run, const CheckOptions& options) {
  return check_cell(reference_cell, run.outputs, run.reply_status_error, options);
}

Verdict check_cell(const Json& reference_cell, const Json& outputs, bool reply_status_error,
                   const CheckOptions& options) {
  CellPolicy policy = cell_policy(reference_cell, options.mode);
  if (policy.skip) {
    return Verdict{Outcome::skipped, "skipped by marker or tag", {}, std::move(policy.warnings)};
  }

  const Json* error = first_error(outputs);
  const bool raised = error != nullptr || reply_status_error;
  if (raised && !policy.raises_exception) {
    return failed(error != nullptr ? "Cell execution caused an exception: " + describe_error(*error)
                                   : "Cell execution failed: execute_reply status is error",
                  std::move(policy.warnings));
  }
  if (!raised && policy.raises_exception) {
    return failed("Cell was marked to raise an exception but did not", std::move(policy.warnings));
  }

  const Json count = reference_cell.value("execution_count", Json());
  const bool unrun = count.is_null();
  if (unrun && has_outputs(reference_cell)) {
    return failed("Unrun reference cell has outputs", std::move(policy.warnings));
  }

  if (policy.compare_outputs && !unrun) {
    static const Json none = Json::array();
    const auto stored = reference_cell.find("outputs");
    Comparison comparison =
        compare_outputs(stored != reference_cell.end() ? *stored : none, outputs, options.compare);
    if (!comparison.same) {
      return Verdict{Outcome::failed, "Cell outputs differ: " + comparison.reason,
                     std::move(comparison.diffs), std::move(policy.warnings)};
    }
  }
  return Verdict{Outcome::passed, "", {}, std::move(policy.warnings)};
}

std::vector<Verdict> check_notebook(const Notebook& reference, const Notebook& executed,
                                    const CheckOptions& options,
                                    std::span<const bool> reply_status_errors) {
  auto code_cells = [](const Notebook& notebook) {
    std::vector<const Json*> cells;
    const auto all = notebook.document.find("cells");
    if (all != notebook.document.end() && all->is_array()) {
      for (const Json& cell : *all) {
        if (cell.is_object() && cell.value("cell_type", "") == "code") {
          cells.push_back(&cell);
        }
      }
    }
    return cells;
  };
  const std::vector<const Json*> want = code_cells(reference);
  const std::vector<const Json*> got = code_cells(executed);
  std::vector<Verdict> verdicts;
  verdicts.reserve(want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    CellRun run;
    if (i < got.size()) {
      run.outputs = got[i]->value("outputs", Json::array());
    }
    run.reply_status_error = i < reply_status_errors.size() && reply_status_errors[i];
    if (i >= got.size() && !cell_policy(*want[i], options.mode).skip) {
      verdicts.push_back(failed("Cell missing from the executed notebook", {}));
      continue;
    }
    verdicts.push_back(check_cell(*want[i], run, options));
  }
  return verdicts;
}

} // namespace docnb::check
