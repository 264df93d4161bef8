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

// xdoctest imports the module only before the first part that runs (torch's tensorboard and
// distributed._shard examples on Python 3.11): all parts skipped means the import never happens.
TEST_CASE("a failed setup does not fail an example whose parts are all skipped") {
  const auto merged =
      merge_example_parts({cell(0, VerdictStatus::failed, true), cell(1, VerdictStatus::skipped),
                           cell(2, VerdictStatus::skipped)});
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].status == VerdictStatus::skipped);
  CHECK(merged[0].parts_skipped == 2);
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
