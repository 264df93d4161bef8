#include "report/cell_contents.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

Json stream(const std::string& text) {
  return Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", text}};
}

Notebook reference_notebook() {
  Notebook notebook;
  notebook.document = Json::parse(R"json({"cells": [
    {"cell_type": "markdown", "source": "# title", "metadata": {}},
    {"cell_type": "code", "source": ["print(1)\n", "print(2)"], "metadata": {},
     "outputs": [{"output_type": "stream", "name": "stdout", "text": "1\n2\n"}]},
    {"cell_type": "code", "source": "f()", "outputs": [],
     "metadata": {"docnb": {"line": 12, "want": "42"}}},
    {"cell_type": "code", "source": "# NBVAL_IGNORE_OUTPUT\nx", "metadata": {}, "outputs": []}
  ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})json");
  return notebook;
}

} // namespace

TEST_CASE("each code cell keeps its code, expectation and got outputs", "[engine]") {
  const Notebook reference = reference_notebook();
  Notebook executed = reference;
  executed.cells()[1]["outputs"] = Json::array({stream("1\n3\n")});
  executed.cells()[2]["outputs"] = Json::array({stream("41\n")});
  check::DoctestPlan plan;
  plan.cells.resize(4);
  plan.cells[2] = check::CellDoctest{};
  const std::vector<CellContent> contents =
      cell_contents(reference, executed, plan, check::CheckOptions{});
  REQUIRE(contents.size() == 3);

  const CellContent& notebook_cell = contents[0];
  CHECK(notebook_cell.cell == 1);
  CHECK(notebook_cell.code == "print(1)\nprint(2)");
  CHECK(notebook_cell.expected == Json::array({stream("1\n2\n")}));
  CHECK(notebook_cell.got == Json::array({stream("1\n3\n")}));
  CHECK_FALSE(notebook_cell.want);
  CHECK(notebook_cell.normalisations ==
        std::vector<std::string>{"streams merged", "images not compared"});

  const CellContent& text_cell = contents[1];
  CHECK(text_cell.cell == 2);
  CHECK(text_cell.want == "42");
  CHECK(text_cell.expected == Json::array());
  CHECK(text_cell.got == Json::array({stream("41\n")}));
  CHECK(text_cell.normalisations.front() == "ELLIPSIS");

  CHECK(contents[2].normalisations == std::vector<std::string>{"outputs not compared"});
}

TEST_CASE("contents are found by cell index", "[engine]") {
  const Notebook reference = reference_notebook();
  const std::vector<CellContent> contents =
      cell_contents(reference, reference, check::DoctestPlan{}, check::CheckOptions{});
  REQUIRE(content_of(contents, 2) != nullptr);
  CHECK(content_of(contents, 2)->code == "f()");
  CHECK(content_of(contents, 0) == nullptr); // markdown
  CHECK(content_of(contents, 9) == nullptr);
}
