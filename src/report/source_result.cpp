#include "report/source_result.hpp"

#include <algorithm>

namespace docnb {

bool SourceResult::failed() const {
  return input_error.has_value() || write_error.has_value() ||
         std::any_of(verdicts.begin(), verdicts.end(), [](const Verdict& v) { return v.failed(); });
}

void RunTotals::add(const SourceResult& result) {
  const bool update_refused = result.update && result.update->error;
  if (result.input_error || result.write_error || update_refused) ++input_errors;
  for (const Verdict& verdict : result.verdicts) {
    switch (verdict.outcome) {
    case Outcome::passed:
      ++passed;
      break;
    case Outcome::failed:
      ++failed;
      break;
    case Outcome::skipped:
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
