#include "engine/source_result.hpp"

#include <algorithm>

namespace docnb {

std::string_view to_string(VerdictStatus status) {
  switch (status) {
  case VerdictStatus::passed:
    return "passed";
  case VerdictStatus::failed:
    return "failed";
  case VerdictStatus::skipped:
    return "skipped";
  }
  return "unknown";
}

bool SourceResult::failed() const {
  return input_error.has_value() || write_error.has_value() ||
         std::any_of(verdicts.begin(), verdicts.end(),
                     [](const Verdict& v) { return v.status == VerdictStatus::failed; });
}

void RunTotals::add(const SourceResult& result) {
  const bool update_refused = result.update && result.update->error;
  if (result.input_error || result.write_error || update_refused) ++input_errors;
  for (const Verdict& verdict : result.verdicts) {
    switch (verdict.status) {
    case VerdictStatus::passed:
      ++passed;
      break;
    case VerdictStatus::failed:
      ++failed;
      break;
    case VerdictStatus::skipped:
      ++skipped;
      break;
    }
  }
}

int RunTotals::exit_code() const {
  if (stopped_by != 0) return 128 + stopped_by;
  if (input_errors > 0) return 2;
  return failed > 0 ? 1 : 0;
}

} // namespace docnb
