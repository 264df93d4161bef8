// --update for a .ipynb: only cells a following --check would fail on their outputs take the
// fresh ones; passing cells keep theirs and take only the fresh count.
#include "../check/check_fixtures.hpp"
#include "../test_notebooks.hpp"
#include "update/notebook_update.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using docnb::check::testing::code_cell;
using docnb::check::testing::error;
using docnb::check::testing::result;
using docnb::check::testing::stream;

namespace {

Notebook notebook_of(Json cells) {
  return docnb::testing::notebook_of("nb.ipynb", std::move(cells));
}

CellRun ran(std::size_t index, CellStatus status = CellStatus::ok, bool reply_error = false) {
  return docnb::testing::ran(index, status, "", reply_error);
}

Verdict verdict(Outcome outcome) {
  return docnb::testing::verdict_of(outcome);
}

} // namespace

TEST_CASE("a failing cell takes its fresh outputs; a passing one only its fresh count",
          "[notebook_update]") {
  const Notebook reference =
      notebook_of(Json::array({code_cell("print(1)", Json::array({stream("stdout", "old\n")}), 1),
                               code_cell("2", Json::array({result("2", 2)}), 2)}));
  check::JudgedRun judged;
  judged.run.notebook = reference;
  judged.run.notebook.cells()[0]["outputs"] = Json::array({stream("stdout", "1\n")});
  judged.run.notebook.cells()[0]["execution_count"] = 5;
  // A passing cell's fresh outputs differ in a way the rules ignore: they are not taken.
  judged.run.notebook.cells()[1]["outputs"] = Json::array({result("2 ", 6)});
  judged.run.notebook.cells()[1]["execution_count"] = 6;
  judged.run.cells = {ran(0), ran(1)};
  judged.verdicts = {verdict(Outcome::failed), verdict(Outcome::passed)};

  const NotebookUpdate update = updated_notebook(reference, judged, check::CheckOptions{});
  CHECK(update.cells == std::vector<std::size_t>{0});
  CHECK(update.changed);
  const Json& cells = update.notebook.cells();
  CHECK(cells[0]["outputs"][0]["text"] == "1\n");
  CHECK(cells[0]["execution_count"] == 5);
  CHECK(cells[1]["outputs"][0]["data"]["text/plain"] == "2");
  // The count is renumbered in the kept execute_result too.
  CHECK(cells[1]["execution_count"] == 6);
  CHECK(cells[1]["outputs"][0]["execution_count"] == 6);
}

TEST_CASE("a failure in the code keeps what is stored", "[notebook_update]") {
  const Json stored = Json::array({stream("stdout", "kept\n")});
  Json raises_marked = code_cell("# NBVAL_RAISES_EXCEPTION\nx = 1", stored, 3);
  const Notebook reference =
      notebook_of(Json::array({code_cell("f()", stored, 1), raises_marked,
                               code_cell("g()", stored, 4), code_cell("h()", stored, 5)}));
  check::JudgedRun judged;
  judged.run.notebook = reference;
  // An unexpected error, a missing expected one, a timeout, a cell not run.
  judged.run.notebook.cells()[0]["outputs"] = Json::array({error("NameError", "f")});
  judged.run.notebook.cells()[1]["outputs"] = Json::array();
  judged.run.notebook.cells()[2]["outputs"] = Json::array({stream("stdout", "partial")});
  judged.run.notebook.cells()[3]["outputs"] = Json::array();
  judged.run.cells = {ran(0, CellStatus::error, true), ran(1), ran(2, CellStatus::timed_out),
                      ran(3, CellStatus::not_run)};
  judged.verdicts = std::vector<Verdict>(4, verdict(Outcome::failed));

  const NotebookUpdate update = updated_notebook(reference, judged, check::CheckOptions{});
  CHECK(update.cells.empty());
  CHECK_FALSE(update.changed);
  for (const Json& cell : update.notebook.cells())
    CHECK(cell["outputs"] == stored);
}

TEST_CASE("an expected error that came is taken; a never-run cell takes its outputs",
          "[notebook_update]") {
  const Notebook reference =
      notebook_of(Json::array({code_cell("# NBVAL_RAISES_EXCEPTION\n1/0", Json::array(), 1),
                               code_cell("print(3)", Json::array(), nullptr)}));
  check::JudgedRun judged;
  judged.run.notebook = reference;
  judged.run.notebook.cells()[0]["outputs"] = Json::array({error("ZeroDivisionError", "x")});
  judged.run.notebook.cells()[0]["execution_count"] = 1;
  judged.run.notebook.cells()[1]["outputs"] = Json::array({stream("stdout", "3\n")});
  judged.run.notebook.cells()[1]["execution_count"] = 2;
  judged.run.cells = {ran(0, CellStatus::error, true), ran(1)};
  // The stored copy of cell 1 was never run: it is taken even though it passed.
  judged.verdicts = {verdict(Outcome::failed), verdict(Outcome::passed)};

  const NotebookUpdate update = updated_notebook(reference, judged, check::CheckOptions{});
  CHECK(update.cells == std::vector<std::size_t>{0, 1});
  CHECK(update.notebook.cells()[0]["outputs"][0]["ename"] == "ZeroDivisionError");
  CHECK(update.notebook.cells()[1]["outputs"][0]["text"] == "3\n");
  CHECK(update.notebook.cells()[1]["execution_count"] == 2);
}

TEST_CASE("a run that changes nothing is not a change", "[notebook_update]") {
  const Notebook reference =
      notebook_of(Json::array({code_cell("1", Json::array({result("1", 1)}), 1)}));
  check::JudgedRun judged;
  judged.run.notebook = reference;
  judged.run.cells = {ran(0)};
  judged.verdicts = {verdict(Outcome::passed)};
  const NotebookUpdate update = updated_notebook(reference, judged, check::CheckOptions{});
  CHECK_FALSE(update.changed);
  CHECK(update.cells.empty());
}
