// A docstring module served in part from its stored run: the examples that passed come from
// it, the failing ones run again, and the merged run reads in the notebook's order.
#include "../test_notebooks.hpp"
#include "engine/served_examples.hpp"
#include "notebook/source_map.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using testing::ran;

namespace {

Json part(const std::string& example, const std::string& output) {
  Json cell = testing::mapped("f()", ExampleId::named("mod.py", example), 0);
  cell["outputs"] =
      Json::array({{{"output_type", "stream"}, {"name", "stdout"}, {"text", output}}});
  return cell;
}

Notebook module_of(Json cells) {
  return testing::notebook_of("mod.py", std::move(cells));
}

Verdict verdict_of(std::size_t cell, Outcome outcome) {
  return testing::verdict_of(outcome, cell);
}

} // namespace

TEST_CASE("an example passed unless one of its cells failed", "[served_examples]") {
  const Notebook module = module_of(Json::array({part("f:0", ""), part("f:0", ""), part("g:0", ""),
                                                 testing::markdown("m"), part("h:0", "")}));
  const check::ExampleIds passed =
      passed_examples(module, {verdict_of(0, Outcome::passed), verdict_of(1, Outcome::failed),
                               verdict_of(2, Outcome::skipped), verdict_of(4, Outcome::passed)});
  CHECK(passed ==
        check::ExampleIds{ExampleId::named("mod.py", "g:0"), ExampleId::named("mod.py", "h:0")});
  // An example with no verdict at all (not run in the stored run) is not failed either; a
  // verdict pointing past the cells is ignored rather than trusted.
  CHECK(passed_examples(module, {verdict_of(99, Outcome::failed)}).size() == 3);
}

TEST_CASE("served examples join the fresh run in the notebook's order", "[served_examples]") {
  const Notebook reference = module_of(Json::array(
      {part("f:0", "ref"), part("g:0", "ref"), part("g:0", "ref"), part("h:0", "ref")}));
  check::JudgedRun stored;
  stored.run.notebook = module_of(Json::array({part("f:0", "stored f"), part("g:0", "stored g0"),
                                               part("g:0", "stored g1"), part("h:0", "stored h")}));
  stored.run.cells = {ran(0), ran(1), ran(2), ran(3)};
  stored.verdicts = {verdict_of(0, Outcome::passed), verdict_of(1, Outcome::passed),
                     verdict_of(2, Outcome::skipped), verdict_of(3, Outcome::failed)};

  // The fresh run ran h:0 only (it failed before); f:0 and g:0 are served.
  check::JudgedRun fresh;
  fresh.run.notebook = module_of(Json::array(
      {part("f:0", "ref"), part("g:0", "ref"), part("g:0", "ref"), part("h:0", "fresh h")}));
  fresh.run.cells = {ran(3)};
  fresh.verdicts = {verdict_of(3, Outcome::passed)};
  const check::ExampleIds served = {ExampleId::named("mod.py", "f:0"),
                                    ExampleId::named("mod.py", "g:0")};
  serve_examples(reference, served, stored, fresh);

  REQUIRE(fresh.run.cells.size() == 4);
  REQUIRE(fresh.verdicts.size() == 4);
  for (std::size_t k = 0; k < 4; ++k) {
    INFO(k);
    CHECK(fresh.run.cells[k].index == k);
    // Each run stays with its own verdict through the reordering.
    CHECK(fresh.verdicts[k].cell == k);
  }
  CHECK(fresh.verdicts[2].outcome == Outcome::skipped);
  CHECK(fresh.verdicts[3].outcome == Outcome::passed); // the fresh one, not the stored failure
  const Json& cells = fresh.run.notebook.cells();
  CHECK(cells[0]["outputs"][0]["text"] == "stored f");
  CHECK(cells[2]["outputs"][0]["text"] == "stored g1");
  CHECK(cells[3]["outputs"][0]["text"] == "fresh h");
}
