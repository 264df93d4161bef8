// What a person reads on the console: a line per source, the failures under it, and the
// summary whose last line scripts parse.
#include "report/console.hpp"
#include "report_fixtures.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace docnb;
using namespace docnb::testing;

namespace {

std::string printed(const SourceResult& result, bool colour = false) {
  std::ostringstream out;
  print_source(out, result, ConsoleStyle{colour});
  return out.str();
}

// docs/page.md with an example of each outcome, in order.
SourceResult page(const std::vector<Outcome>& outcomes) {
  SourceResult result;
  result.source = "docs/page.md";
  result.seconds = 1.25;
  for (std::size_t i = 0; i < outcomes.size(); ++i)
    result.verdicts.push_back(cell_verdict("docs/page.md", i, outcomes[i], "output differs", 0));
  return result;
}

} // namespace

TEST_CASE("console: a passing source is one line, a failing one names its failures",
          "[report][console]") {
  CHECK(printed(page({Outcome::passed, Outcome::skipped})) ==
        "PASS docs/page.md (2 examples, 1.2 s)\n");
  const std::string failing = printed(page({Outcome::passed, Outcome::failed}));
  CHECK_THAT(failing, Catch::StartsWith("FAIL docs/page.md (2 examples, 1.2 s)\n  "));
  CHECK_THAT(failing, Catch::Contains("output differs"));
  CHECK(failing.find("\033[") == std::string::npos);
  CHECK_THAT(printed(page({Outcome::failed}), true), Catch::StartsWith("\033[1;31mFAIL \033[0m"));
}

TEST_CASE("console: errors, cache hits and warnings", "[report][console]") {
  SourceResult unreadable = page({});
  unreadable.input_error = Error{"cannot read", "docs/page.md"};
  CHECK_THAT(printed(unreadable), Catch::StartsWith("ERROR "));
  CHECK_THAT(printed(unreadable), Catch::Contains("cannot read"));
  SourceResult cached = page({Outcome::passed});
  cached.cached = true;
  cached.warnings = {"docs/page.md:1: unclosed fence"};
  CHECK(printed(cached) == "PASS docs/page.md (1 examples, 1.2 s, cached)\n"
                           "  warning: docs/page.md:1: unclosed fence\n");
  // A page without code has nothing to say.
  CHECK(printed(page({})).empty());
}

TEST_CASE("console: the summary ends with the counts", "[report][console]") {
  RunTotals totals;
  totals.passed = 3;
  totals.failed = 1;
  totals.input_errors = 1;
  std::ostringstream out;
  print_summary(out, totals, 2, 4.0);
  CHECK(out.str() == "docnb: 2 sources in 4.0 s, 1 with input or output errors\n"
                     "docnb: 3 passed, 1 failed, 0 skipped\n");
  totals.stopped_by = 2;
  std::ostringstream stopped;
  print_summary(stopped, totals, 1, 0.5);
  CHECK_THAT(stopped.str(), Catch::Contains("docnb: stopped by SIGINT: incomplete"));
  CHECK_THAT(stopped.str(), Catch::EndsWith("docnb: 3 passed, 1 failed, 0 skipped\n"));
}
