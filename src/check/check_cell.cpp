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

} // namespace

bool has_error(const Json& outputs) {
  return first_error(outputs) != nullptr;
}

namespace {

std::string describe_error(const Json& error) {
  const std::string ename = error.value("ename", "");
  const std::string evalue = error.value("evalue", "");
  return evalue.empty() ? ename : ename + ": " + evalue;
}

Verdict verdict(Outcome outcome, std::string reason, std::vector<std::string> warnings) {
  Verdict made;
  made.outcome = outcome;
  made.reason = std::move(reason);
  made.warnings = std::move(warnings);
  return made;
}

Verdict failed(std::string reason, std::vector<std::string> warnings) {
  return verdict(Outcome::failed, std::move(reason), std::move(warnings));
}

bool has_outputs(const Json& cell) {
  const auto outputs = cell.find("outputs");
  return outputs != cell.end() && outputs->is_array() && !outputs->empty();
}

} // namespace

Verdict check_cell(const Json& reference_cell, const Json& outputs, bool reply_error,
                   const CheckOptions& options) {
  CellPolicy policy = cell_policy(reference_cell, options.mode);
  if (policy.skip) {
    return verdict(Outcome::skipped, "skipped by marker or tag", std::move(policy.warnings));
  }

  const Json* error = first_error(outputs);
  const bool raised = error != nullptr || reply_error;
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
      Verdict different =
          failed("Cell outputs differ: " + comparison.reason, std::move(policy.warnings));
      different.details = details_of(comparison.diffs);
      return different;
    }
  }
  return verdict(Outcome::passed, "", std::move(policy.warnings));
}

} // namespace docnb::check
