// The spelling of each outcome is what the JSON report, JUnit and the cache store: it must not
// drift, and only a failure counts as failed.
#include "check/verdict.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("every outcome has its report spelling", "[verdict]") {
  CHECK(to_string(Outcome::passed) == "passed");
  CHECK(to_string(Outcome::failed) == "failed");
  CHECK(to_string(Outcome::skipped) == "skipped");
}

TEST_CASE("only a failed outcome is a failure", "[verdict]") {
  Verdict verdict;
  CHECK(verdict.outcome == Outcome::passed);
  CHECK_FALSE(verdict.failed());
  verdict.outcome = Outcome::skipped;
  CHECK_FALSE(verdict.failed());
  verdict.outcome = Outcome::failed;
  CHECK(verdict.failed());
}
