#include "check/example_verdicts.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using docnb::check::merge_example_parts;

namespace {

Verdict cell(std::size_t index, Outcome status, bool setup = false) {
  Verdict verdict;
  verdict.cell = index;
  verdict.outcome = status;
  verdict.example = *docnb::ExampleId::parse("mod.py::f:0");
  verdict.in_text = true;
  verdict.setup = setup;
  verdict.reason = status == Outcome::failed ? "raised ImportError" : "";
  return verdict;
}

} // namespace

// The parts after a failing namespace cell are not run (the engine ends the example there):
// the example fails with the import error, not skipped.
TEST_CASE("a failed setup fails its example even when no part ran after it") {
  const auto merged =
      merge_example_parts({cell(0, Outcome::failed, true), cell(1, Outcome::skipped),
                           cell(2, Outcome::skipped)});
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].outcome == Outcome::failed);
  CHECK(merged[0].reason == "raised ImportError");
  CHECK_FALSE(merged[0].setup);
}

TEST_CASE("a failed setup fails an example with a part that runs") {
  const auto merged =
      merge_example_parts({cell(0, Outcome::failed, true), cell(1, Outcome::skipped),
                           cell(2, Outcome::failed)});
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].outcome == Outcome::failed);
}

// An example block without `>>>` lines (torch's SummaryWriter.add_scalar) has no parts:
// xdoctest counts it skipped, whatever its setup did.
TEST_CASE("an example that is its setup cell alone is skipped") {
  for (const Outcome setup : {Outcome::passed, Outcome::failed}) {
    const auto merged = merge_example_parts({cell(0, setup, true)});
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].outcome == Outcome::skipped);
  }
}

TEST_CASE("a single part keeps its verdict") {
  const auto merged = merge_example_parts({cell(0, Outcome::failed)});
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].outcome == Outcome::failed);
}

// Sybil's invisible code and rst's testsetup: no example of their own, but never a silent pass.
TEST_CASE("a page's hidden cells are reported only when they fail") {
  Verdict hidden = cell(0, Outcome::passed);
  hidden.example = *docnb::ExampleId::parse("page.md:3");
  hidden.hidden = true;
  Verdict block = cell(1, Outcome::passed);
  block.example = *docnb::ExampleId::parse("page.md:9");
  CHECK(merge_example_parts({hidden, block}).size() == 1);
  hidden.outcome = Outcome::failed;
  const auto merged = merge_example_parts({hidden, block});
  REQUIRE(merged.size() == 2);
  CHECK(merged[0].example.str() == "page.md:3");
  CHECK(merged[0].outcome == Outcome::failed);
}
