// The JSON report's shape and content; readers_test.cpp checks it against the schema.
#include "report/json_report.hpp"
#include "report_fixtures.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <nlohmann/json.hpp>

using namespace docnb;
using Json = nlohmann::json;

namespace {

Verdict verdict(std::size_t cell, Outcome status, std::string reason = "") {
  return testing::cell_verdict("docs/a.ipynb", cell, status, std::move(reason), 0.25);
}

} // namespace

TEST_CASE("report paths are relative to the working directory when under it", "[report]") {
  CHECK(report_path("/repo/docs/a.ipynb", "/repo") == "docs/a.ipynb");
  CHECK(report_path("/repo/docs/a.ipynb", "/repo/") == "docs/a.ipynb");
  CHECK(report_path("/repo/x/../docs/a.md", "/repo") == "docs/a.md");
  CHECK(report_path("/repo2/a.md", "/repo") == "/repo2/a.md");
  CHECK(report_path("/elsewhere/b.md", "/repo") == "/elsewhere/b.md");
  CHECK(report_path("docs/./c.md", "/repo") == "docs/c.md");
}

TEST_CASE("an example without an id is named by its cell", "[report]") {
  Verdict v;
  v.cell = 4;
  CHECK(example_name(v) == "cell 4");
  v.example = *docnb::ExampleId::parse("m.py::f:0");
  CHECK(example_name(v) == "m.py::f:0");
}

TEST_CASE("json report has one record per verdict and totals from the run", "[report]") {
  SourceResult notebook;
  notebook.source = "/repo/docs/a.ipynb";
  notebook.verdicts = {verdict(1, Outcome::passed), verdict(2, Outcome::failed, "output differs"),
                       verdict(3, Outcome::skipped, "NBVAL_SKIP")};
  notebook.verdicts[1].details = {"- 1\n+ 2"};
  SourceResult broken;
  broken.source = "/repo/docs/broken.ipynb";
  broken.input_error = Error{"not valid JSON", "docs/broken.ipynb:3"};
  RunTotals totals;
  totals.add(notebook);
  totals.add(broken);

  const Json report = Json::parse(json_report({notebook, broken}, totals, "/repo"));
  REQUIRE(report["examples"].size() == 3);
  const Json& failed = report["examples"][1];
  CHECK(failed["file"] == "docs/a.ipynb");
  CHECK(failed["example"] == "docs/a.ipynb::Cell 2");
  CHECK(failed["cells"] == Json::array({2}));
  CHECK(failed["line"] == 2);
  CHECK(failed["status"] == "failed");
  CHECK(failed["reason"] == "output differs");
  CHECK(failed["details"] == Json::array({"- 1\n+ 2"}));
  // The console's failure text, so that readers show the failure as docnb does.
  CHECK(failed["text"] == "Cell 2: output differs\n  - 1\n  + 2\n");
  CHECK(report["examples"][0]["text"] == "");
  CHECK(failed["seconds"] == 0.25);
  CHECK(report["examples"][0]["status"] == "passed");
  CHECK(report["examples"][2]["status"] == "skipped");

  // The broken source is an error, not a failed example: totals count examples only.
  REQUIRE(report["errors"].size() == 1);
  CHECK(report["errors"][0] == Json{{"file", "docs/broken.ipynb"},
                                    {"message", "not valid JSON"},
                                    {"where", "docs/broken.ipynb:3"}});
  CHECK(report["totals"] == Json{{"passed", 1}, {"failed", 1}, {"skipped", 1}});
}

TEST_CASE("json report of an empty run is still a complete document", "[report]") {
  const Json report = Json::parse(json_report({}, RunTotals{}, "/repo"));
  CHECK(report["examples"] == Json::array());
  CHECK(report["errors"] == Json::array());
  CHECK(report["totals"] == Json{{"passed", 0}, {"failed", 0}, {"skipped", 0}});
  CHECK(report["sources"] == Json::array());
  CHECK(report["slowest"] == Json::array());
  CHECK(report["command"] == Json::array());
  CHECK(report["seconds"] == 0.0);
}

TEST_CASE("json report survives output that is not UTF-8", "[report]") {
  SourceResult result;
  result.source = "/repo/a.md";
  result.verdicts = {verdict(0, Outcome::failed, "got \xff\xfe bytes, \"quotes\" \x01")};
  RunTotals totals;
  totals.add(result);
  const std::string text = json_report({result}, totals, "/repo");
  const Json report = Json::parse(text);
  CHECK(report["examples"][0]["reason"] == "got \xEF\xBF\xBD\xEF\xBF\xBD bytes, \"quotes\" \x01");
  CHECK(text.find("\\u0001") != std::string::npos);
}

TEST_CASE("json report lists each source's warnings", "[report]") {
  SourceResult result;
  result.source = "/repo/docs/a.ipynb";
  result.verdicts = {verdict(0, Outcome::passed)};
  result.warnings = {"kernelspec 'conda-env-myenv-py' is not installed; running on docnb-python"};
  RunTotals totals;
  totals.add(result);
  const Json report = Json::parse(json_report({result}, totals, "/repo"));
  CHECK(report["warnings"] ==
        Json::array({Json{{"file", "docs/a.ipynb"},
                          {"message", "kernelspec 'conda-env-myenv-py' is not installed; "
                                      "running on docnb-python"}}}));
  CHECK(report["incomplete"] == false);
  CHECK_FALSE(report.contains("stopped_by"));
}

TEST_CASE("json report of a run stopped by a signal is marked incomplete", "[report]") {
  SourceResult result;
  result.source = "/repo/docs/a.ipynb";
  result.verdicts = {verdict(0, Outcome::passed)};
  RunTotals totals;
  totals.add(result);
  totals.stopped_by = SIGTERM;
  CHECK(totals.exit_code() == 143);
  const Json report = Json::parse(json_report({result}, totals, "/repo"));
  CHECK(report["incomplete"] == true);
  CHECK(report["stopped_by"] == "SIGTERM");
  CHECK(report["examples"].size() == 1);
}

TEST_CASE("json report names the run: command, wall time, sources and slowest examples",
          "[report]") {
  SourceResult notebook;
  notebook.source = "/repo/docs/a.ipynb";
  notebook.seconds = 3.5;
  notebook.cached = true;
  notebook.warnings = {"cell 1: conflicting markers"};
  notebook.verdicts = {verdict(1, Outcome::passed), verdict(2, Outcome::failed, "x")};
  notebook.verdicts[0].seconds = 0.1;
  notebook.verdicts[1].seconds = 2.0;
  SourceResult broken;
  broken.source = "/repo/docs/broken.ipynb";
  broken.input_error = Error{"not valid JSON", ""};
  RunTotals totals;
  totals.add(notebook);
  const Json report = Json::parse(
      json_report({notebook, broken}, totals, "/repo", {{"docnb", "run", "docs"}, 4.25}));
  CHECK(report["command"] == Json::array({"docnb", "run", "docs"}));
  CHECK(report["seconds"] == 4.25);
  REQUIRE(report["sources"].size() == 2);
  CHECK(report["sources"][0] == Json{{"file", "docs/a.ipynb"},
                                     {"status", "failed"},
                                     {"seconds", 3.5},
                                     {"cached", true},
                                     {"warnings", {"cell 1: conflicting markers"}}});
  CHECK(report["sources"][1]["status"] == "error");
  REQUIRE(report["slowest"].size() == 2);
  CHECK(report["slowest"][0] ==
        Json{{"file", "docs/a.ipynb"}, {"example", "docs/a.ipynb::Cell 2"}, {"seconds", 2.0}});
  CHECK(report["slowest"][1]["seconds"] == 0.1);
}

TEST_CASE("json report gives each example the code and outputs of its cells", "[report]") {
  SourceResult page;
  page.source = "/repo/docs/page.md";
  Verdict session = verdict(3, Outcome::failed, "output differs");
  session.cells = {2, 3};
  session.in_text = true;
  session.line = 14;
  session.first_line = "f(2)";
  Verdict passed = verdict(5, Outcome::passed);
  page.verdicts = {session, passed};
  for (const std::size_t cell : {2, 3, 5}) {
    CellContent content;
    content.cell = cell;
    content.code = "f(" + std::to_string(cell) + ")";
    content.want = "4";
    content.got = Json::array(
        {Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", Json::array({"a", "b\n"})}}});
    content.normalisations = {"ELLIPSIS"};
    page.contents.push_back(content);
  }
  RunTotals totals;
  totals.add(page);
  const Json report = Json::parse(json_report({page}, totals, "/repo"));
  const Json& failed = report["examples"][0];
  CHECK(failed["cell"] == 3);
  CHECK(failed["located"] == "line");
  CHECK(failed["line"] == 14);
  CHECK(failed["first_line"] == "f(2)");
  REQUIRE(failed["parts"].size() == 2);
  CHECK(failed["parts"][0]["cell"] == 2);
  CHECK(failed["parts"][0]["code"] == "f(2)");
  CHECK(failed["parts"][0]["want"] == "4");
  CHECK(failed["parts"][0]["expected"] == Json::array());
  CHECK(failed["parts"][1]["got"] ==
        Json::array({Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", "ab\n"}}}));
  CHECK(failed["parts"][1]["normalisations"] == Json::array({"ELLIPSIS"}));
  // A passed example shows what it produced, not the expectation it matched.
  const Json& ok = report["examples"][1];
  CHECK(ok["located"] == "cell");
  REQUIRE(ok["parts"].size() == 1);
  CHECK_FALSE(ok["parts"][0].contains("expected"));
  CHECK_FALSE(ok["parts"][0].contains("want"));
  CHECK(ok["parts"][0]["code"] == "f(5)");
}
