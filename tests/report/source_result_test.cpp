// What became of a source, and the run's totals and exit code over all of them.
#include "../test_notebooks.hpp"
#include "report/source_result.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::testing;

namespace {

SourceResult with(std::vector<Outcome> outcomes) {
  SourceResult result;
  result.source = "page.md";
  for (std::size_t i = 0; i < outcomes.size(); ++i)
    result.verdicts.push_back(verdict_of(outcomes[i], i));
  return result;
}

} // namespace

TEST_CASE("source result: a failed example or an error fails the source", "[report][totals]") {
  CHECK_FALSE(with({Outcome::passed, Outcome::skipped}).failed());
  CHECK(with({Outcome::passed, Outcome::failed}).failed());
  SourceResult unreadable = with({});
  unreadable.input_error = Error{"cannot read", "page.md"};
  CHECK(unreadable.failed());
  SourceResult unwritten = with({Outcome::passed});
  unwritten.write_error = Error{"cannot write", "build/docnb/page.ipynb"};
  CHECK(unwritten.failed());
}

TEST_CASE("run totals: counts by outcome, and the exit code they make", "[report][totals]") {
  RunTotals totals;
  CHECK(totals.exit_code() == 0);
  totals.add(with({Outcome::passed, Outcome::skipped, Outcome::passed}));
  CHECK(totals.passed == 2);
  CHECK(totals.skipped == 1);
  CHECK(totals.exit_code() == 0);
  totals.add(with({Outcome::failed}));
  CHECK(totals.failed == 1);
  CHECK(totals.exit_code() == 1);
  SourceResult unreadable = with({});
  unreadable.input_error = Error{"cannot read", "page.md"};
  totals.add(unreadable);
  CHECK(totals.input_errors == 1);
  CHECK(totals.exit_code() == 2); // an input error outranks failures
  totals.stopped_by = 2;          // SIGINT
  CHECK(totals.exit_code() == 130);
}
