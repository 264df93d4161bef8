#include "check/verdict.hpp"

namespace docnb {

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
  case Outcome::passed:
    return "passed";
  case Outcome::failed:
    return "failed";
  case Outcome::skipped:
    return "skipped";
  }
  return "unknown";
}

} // namespace docnb
