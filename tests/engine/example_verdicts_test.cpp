#include "engine/example_verdicts.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

Verdict cell(std::size_t index, VerdictStatus status, bool setup = false) {
  Verdict verdict;
  verdict.cell = index;
  verdict.status = status;
  verdict.example = "mod.py::f:0";
  verdict.in_text = true;
  verdict.setup = setup;
  verdict.reason = status == VerdictStatus::failed ? "raised ImportError" : "";
  return verdict;
}

} // namespace

// The parts after a failing namespace cell are not run (the engine ends the example there):
// the example fails with the import error, not skipped.
TEST_CASE("a failed setup fails its example even when no part ran after it") {
  const auto merged =
      merge_example_parts({cell(0, VerdictStatus::failed, true), cell(1, VerdictStatus::skipped),
                           cell(2, VerdictStatus::skipped)});
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].status == VerdictStatus::failed);
  CHECK(merged[0].reason == "raised ImportError");
  CHECK_FALSE(merged[0].setup);
}

TEST_CASE("a failed setup fails an example with a part that runs") {
  const auto merged =
      merge_example_parts({cell(0, VerdictStatus::failed, true), cell(1, VerdictStatus::skipped),
                           cell(2, VerdictStatus::failed)});
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].status == VerdictStatus::failed);
}

// An example block without `>>>` lines (torch's SummaryWriter.add_scalar) has no parts:
// xdoctest counts it skipped, whatever its setup did.
TEST_CASE("an example that is its setup cell alone is skipped") {
  for (const VerdictStatus setup : {VerdictStatus::passed, VerdictStatus::failed}) {
    const auto merged = merge_example_parts({cell(0, setup, true)});
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].status == VerdictStatus::skipped);
  }
}

TEST_CASE("a single part keeps its verdict") {
  const auto merged = merge_example_parts({cell(0, VerdictStatus::failed)});
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].status == VerdictStatus::failed);
}

// Sybil's invisible code and rst's testsetup: no example of their own, but never a silent pass.
TEST_CASE("a page's hidden cells are reported only when they fail") {
  Verdict hidden = cell(0, VerdictStatus::passed);
  hidden.example = "page.md:3";
  hidden.hidden = true;
  Verdict block = cell(1, VerdictStatus::passed);
  block.example = "page.md:9";
  CHECK(merge_example_parts({hidden, block}).size() == 1);
  hidden.status = VerdictStatus::failed;
  const auto merged = merge_example_parts({hidden, block});
  REQUIRE(merged.size() == 2);
  CHECK(merged[0].example == "page.md:3");
  CHECK(merged[0].status == VerdictStatus::failed);
}
