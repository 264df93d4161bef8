// The result of checking one code cell.
#pragma once

#include "check/compare.hpp"

#include <string>
#include <vector>

namespace docnb::check {

enum class Outcome { passed, failed, skipped };

struct Verdict {
  Outcome outcome = Outcome::passed;
  std::string reason;                // empty when passed
  std::vector<KeyDiff> diffs;        // per output field, when outputs differ
  std::vector<std::string> warnings; // marker/tag conflicts and the like
};

[[nodiscard]] constexpr const char* outcome_name(Outcome outcome) {
  switch (outcome) {
  case Outcome::passed:
    return "passed";
  case Outcome::failed:
    return "failed";
  case Outcome::skipped:
    return "skipped";
  }
  return "";
}

} // namespace docnb::check
