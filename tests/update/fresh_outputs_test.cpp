// --update for text sources: which wants take what their cells printed, decided by the
// verdicts, never for a failure that is in the code.
#include "../check/check_fixtures.hpp"
#include "../test_notebooks.hpp"
#include "notebook/source_map.hpp"
#include "update/fresh_outputs.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using docnb::check::testing::error;
using docnb::check::testing::stream;
using docnb::testing::block;

namespace {

CellRun ran(std::size_t index, CellStatus status = CellStatus::ok, bool reply_error = false) {
  return docnb::testing::ran(index, status, "", reply_error);
}

struct Case {
  Json cell;
  Json outputs;
  CellRun run;
  Outcome outcome;
};

std::vector<converters::FreshOutput> fresh_of(const std::vector<Case>& cases) {
  Notebook reference = docnb::testing::notebook_of("page.md", Json::array());
  check::JudgedRun judged;
  for (const Case& c : cases) {
    reference.cells().push_back(c.cell);
    judged.run.cells.push_back(c.run);
    judged.verdicts.push_back(docnb::testing::verdict_of(c.outcome));
  }
  judged.run.notebook = reference;
  for (std::size_t i = 0; i < cases.size(); ++i)
    judged.run.notebook.cells()[i]["outputs"] = cases[i].outputs;
  const check::DoctestPlan plan = docnb::testing::plan_of(reference);
  return fresh_text_outputs(reference, judged, check::CheckOptions{}, plan);
}

Json printed(const std::string& text) {
  return Json::array({stream("stdout", text)});
}

} // namespace

TEST_CASE("a failed want takes what was printed; a passed one is left", "[fresh_outputs]") {
  const auto fresh =
      fresh_of({{block("print(2)", 3, "1\n"), printed("2\n"), ran(0), Outcome::failed},
                {block("print(1)", 6, "1\n"), printed("1\n"), ran(1), Outcome::passed}});
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].cell == 0);
  CHECK(fresh[0].printed == "2\n");
}

TEST_CASE("a want-less block takes its output only when it printed something", "[fresh_outputs]") {
  const auto fresh =
      fresh_of({{block("print('x')", 3, std::nullopt), printed("x\n"), ran(0), Outcome::passed},
                {block("y = 1", 6, std::nullopt), printed(" \n"), ran(1), Outcome::passed}});
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].cell == 0);
  CHECK(fresh[0].printed == "x\n");
}

TEST_CASE("failures in the code never rewrite a want", "[fresh_outputs]") {
  const auto fresh = fresh_of({
      // Raised where it should not.
      {block("f()", 3, "1\n"), Json::array({error("NameError", "f")}),
       ran(0, CellStatus::error, true), Outcome::failed},
      // Did not run to the end.
      {block("g()", 6, "1\n"), printed("partial"), ran(1, CellStatus::timed_out), Outcome::failed},
      {block("g()", 9, "1\n"), printed(""), ran(2, CellStatus::not_run), Outcome::failed},
      // A want that is a traceback the code no longer raises.
      {block("h()", 12, "Traceback (most recent call last):\n  ...\nValueError: x\n"),
       printed("fine\n"), ran(3), Outcome::failed},
      // Skipped by the plan (the engine would not have run it).
      {block("k()  # doctest: +SKIP", 15, "1\n"), printed("2\n"), ran(4), Outcome::failed},
      // A want-less cell that failed (it raised on the reply alone).
      {block("m()", 18, std::nullopt), printed("x\n"), ran(5), Outcome::failed},
  });
  CHECK(fresh.empty());
}
