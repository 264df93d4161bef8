#include "check/want_failure.hpp"

#include "check/diff.hpp"

namespace docnb::check {

namespace {

std::string shown(std::string text, DiffEnds ends) {
  if (ends == DiffEnds::trimmed) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
      text.pop_back();
    return text + "\n";
  }
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

} // namespace

Verdict want_failure(std::string reason, std::string_view want, std::string_view got,
                     DiffEnds ends) {
  Verdict verdict;
  verdict.outcome = Outcome::failed;
  verdict.reason = std::move(reason);
  if (!want.empty() || !got.empty()) {
    verdict.details.push_back(
        "expected (-) and got (+)\n" +
        unified_diff(shown(std::string(want), ends), shown(std::string(got), ends)));
  }
  return verdict;
}

} // namespace docnb::check
