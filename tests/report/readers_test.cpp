// The reports as their readers see them: JUnit XML parsed by Python's xml.etree (expat, as
// strict about XML 1.0 as the CI servers' parsers), and the JSON report validated against
// tests/report/report.schema.json with Python's jsonschema.
#include "../run_python.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;
using namespace docnb;
using Json = nlohmann::json;
using docnb::testing::run_python;

namespace {

// Every string a kernel could put in a reason: markup, quotes, control characters, colour
// codes, non-ASCII and bytes that are not UTF-8.
const std::string nasty = "<tag a=\"1\" b='2'> & &amp; \x01\x0b\x1b[31mred\x1b[0m\ttab\r\n"
                          "π ✓ 🎉 \xff]]>";
// The same text after XML escaping and parsing: controls and colour codes gone, the bad byte
// replaced, \r and \t kept through character references.
const std::string nasty_read_back = "<tag a=\"1\" b='2'> & &amp; red\ttab\r\n"
                                    "π ✓ 🎉 \xEF\xBF\xBD]]>";

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Verdict verdict(std::size_t cell, Outcome status, std::string reason) {
  return testing::cell_verdict("docs/nb.ipynb", cell, status, std::move(reason), 0.5);
}

std::vector<SourceResult> sample_run() {
  SourceResult notebook;
  notebook.source = "/repo/docs/nb.ipynb";
  notebook.seconds = 2;
  notebook.verdicts = {verdict(0, Outcome::passed, ""), verdict(1, Outcome::failed, nasty),
                       verdict(2, Outcome::skipped, nasty),
                       verdict(3, Outcome::failed, "output differs")};
  notebook.verdicts[1].details = {nasty, "- a\n+ b"};
  notebook.warnings = {nasty};
  // Code and outputs of every cell, one of them too large for the report to hold whole.
  for (std::size_t cell = 0; cell < 4; ++cell) {
    CellContent content;
    content.cell = cell;
    content.code = "print(" + std::to_string(cell) + ")";
    content.expected =
        Json::array({Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", nasty}}});
    content.got = Json::array(
        {Json{{"output_type", "display_data"},
              {"metadata", Json::object()},
              {"data", {{"text/plain", std::string(200'000, 'x')}, {"image/png", "iVBORw0KGgo="}}}},
         Json{
             {"output_type", "error"}, {"ename", "E"}, {"evalue", nasty}, {"traceback", {nasty}}}});
    content.normalisations = {"streams merged"};
    notebook.contents.push_back(std::move(content));
  }
  notebook.contents[2].want = nasty;
  SourceResult outside;
  outside.source = "/elsewhere/guide.md";
  outside.verdicts = {verdict(0, Outcome::passed, "")};
  outside.verdicts[0].example = docnb::ExampleId{};
  SourceResult broken;
  broken.source = "/repo/broken.ipynb";
  broken.input_error = Error{nasty, "broken.ipynb#/cells/0"};
  return {notebook, outside, broken};
}

RunTotals totals_of(const std::vector<SourceResult>& results) {
  RunTotals totals;
  for (const SourceResult& result : results) {
    totals.add(result);
  }
  return totals;
}

// The JUnit document as JSON: {tag, attrib, text, children} for every element.
Json parsed_by_python(const std::string& xml, const fs::path& scratch) {
  write_file(scratch / "report.xml", xml);
  const char* dump = "import json, sys, xml.etree.ElementTree as ET\n"
                     "def node(e):\n"
                     "    return {'tag': e.tag, 'attrib': e.attrib, 'text': e.text or '',\n"
                     "            'children': [node(c) for c in e]}\n"
                     "root = ET.parse(sys.argv[1]).getroot()\n"
                     "with open(sys.argv[2], 'w', encoding='utf-8') as out:\n"
                     "    json.dump(node(root), out)\n";
  REQUIRE(run_python({"-c", dump, (scratch / "report.xml").string(),
                      (scratch / "parsed.json").string()}) == 0);
  return Json::parse(read_file(scratch / "parsed.json"));
}

std::size_t count(const Json& element, const std::string& tag) {
  std::size_t n = element["tag"] == tag ? 1 : 0;
  for (const Json& child : element["children"]) {
    n += count(child, tag);
  }
  return n;
}

} // namespace

TEST_CASE("junit report parses as XML and its counts match the run totals", "[report]") {
  auto scratch = TempDir::create("docnb-report-test");
  REQUIRE(scratch.ok());
  const std::vector<SourceResult> results = sample_run();
  const RunTotals totals = totals_of(results);
  const Json root = parsed_by_python(junit_report(results, totals, "/repo"), scratch->path());

  REQUIRE(root["tag"] == "testsuites");
  CHECK(root["attrib"]["tests"] == "6");
  CHECK(root["attrib"]["failures"] == std::to_string(totals.failed));
  CHECK(root["attrib"]["errors"] == std::to_string(totals.input_errors));
  CHECK(root["attrib"]["skipped"] == std::to_string(totals.skipped));
  CHECK(count(root, "testcase") == totals.passed + totals.failed + totals.skipped + 1);
  CHECK(count(root, "failure") == totals.failed);
  CHECK(count(root, "skipped") == totals.skipped);
  CHECK(count(root, "error") == totals.input_errors);

  // Each suite's own counts agree with its testcases, so per-file views add up too.
  REQUIRE(root["children"].size() == 3);
  for (const Json& suite : root["children"]) {
    std::size_t cases = 0;
    for (const Json& child : suite["children"]) {
      cases += child["tag"] == "testcase" ? 1 : 0;
    }
    CHECK(suite["attrib"]["tests"] == std::to_string(cases));
    CHECK(suite["attrib"]["failures"] == std::to_string(count(suite, "failure")));
    CHECK(suite["attrib"]["skipped"] == std::to_string(count(suite, "skipped")));
    CHECK(suite["attrib"]["errors"] == std::to_string(count(suite, "error")));
  }

  const Json& notebook = root["children"][0];
  CHECK(notebook["attrib"]["name"] == "docs/nb.ipynb");
  const Json& failed = notebook["children"][1];
  CHECK(failed["attrib"]["classname"] == "docs/nb.ipynb");
  CHECK(failed["attrib"]["name"] == "docs/nb.ipynb::Cell 1");
  CHECK(failed["children"][0]["tag"] == "failure");
  CHECK(failed["children"][0]["attrib"]["message"] == nasty_read_back);
  CHECK(failed["children"][0]["text"] == nasty_read_back + "\n" + nasty_read_back + "\n- a\n+ b");
  CHECK(notebook["children"][2]["children"][0]["attrib"]["message"] == nasty_read_back);
  CHECK(notebook["children"][4]["tag"] == "system-err");
  CHECK(notebook["children"][4]["text"] == "warning: " + nasty_read_back + "\n");

  CHECK(root["children"][1]["attrib"]["name"] == "/elsewhere/guide.md");
  CHECK(root["children"][1]["children"][0]["attrib"]["name"] == "cell 0");
  const Json& error = root["children"][2]["children"][0]["children"][0];
  CHECK(error["tag"] == "error");
  CHECK(error["attrib"]["message"] == nasty_read_back);
}

TEST_CASE("json report validates against its schema", "[report]") {
  auto scratch = TempDir::create("docnb-report-test");
  REQUIRE(scratch.ok());
  const std::vector<SourceResult> results = sample_run();
  write_file(scratch->path() / "report.json", json_report(results, totals_of(results), "/repo"));
  // Strict JSON (no NaN), then the schema; without jsonschema, the checks it would make on
  // the top level at least.
  const char* validate =
      "import json, sys\n"
      "def strict(name): raise ValueError(name + ' is not JSON')\n"
      "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
      "doc = json.load(open(sys.argv[2], encoding='utf-8'), parse_constant=strict)\n"
      "try:\n"
      "    import jsonschema\n"
      "except ImportError:\n"
      "    assert sorted(doc) == sorted(schema['required']), sorted(doc)\n"
      "    for record in doc['examples']:\n"
      "        assert sorted(record) == sorted(schema['$defs']['example']['required']), record\n"
      "    sys.exit(0)\n"
      "jsonschema.Draft202012Validator.check_schema(schema)\n"
      "jsonschema.Draft202012Validator(schema).validate(doc)\n";
  const fs::path schema = fs::path(DOCNB_SOURCE_DIR) / "tests/report/report.schema.json";
  CHECK(run_python({"-c", validate, schema.string(), (scratch->path() / "report.json").string()}) ==
        0);
  const Json report = Json::parse(read_file(scratch->path() / "report.json"));
  CHECK(report["examples"].size() == 5);
  CHECK(report["errors"].size() == 1);
  CHECK(report["examples"][1]["reason"] == "<tag a=\"1\" b='2'> & &amp; \x01\x0b\x1b[31mred"
                                           "\x1b[0m\ttab\r\nπ ✓ 🎉 \xEF\xBF\xBD]]>");
  const Json& failed = report["examples"][1];
  REQUIRE(failed["parts"].size() == 1);
  CHECK(failed["parts"][0]["got"][0]["truncated"]["text/plain"] == 200'000);
  CHECK(failed["parts"][0]["expected"][0]["text"] == report["examples"][1]["reason"]);
  CHECK_FALSE(report["examples"][0]["parts"][0].contains("expected")); // it passed
  CHECK(report["examples"][2]["parts"][0]["want"] == report["examples"][1]["reason"]);
}
