// JUnit XML text and XML escaping; readers_test.cpp parses whole reports with Python.
#include "report/junit_report.hpp"
#include "support/terminal_escapes.hpp"

#include <catch2/catch.hpp>
#include <csignal>

using namespace docnb;

TEST_CASE("xml escaping covers markup characters in content and attributes", "[report]") {
  CHECK(xml_escape("a<b>&\"c\"'d'", false) == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  CHECK(xml_escape("one\ntwo\tthree\r", false) == "one\ntwo\tthree&#13;");
  // Raw newlines in an attribute would be read back as spaces.
  CHECK(xml_escape("one\ntwo\tthree", true) == "one&#10;two&#9;three");
}

TEST_CASE("xml escaping drops characters XML 1.0 forbids", "[report]") {
  CHECK(xml_escape(std::string("a\0b\x08"
                               "c\x0b\x0c\x0e\x1f"
                               "d",
                               10),
                   false) == "abcd");
  CHECK(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF!", false) == "!"); // U+FFFE, U+FFFF
}

TEST_CASE("xml escaping keeps UTF-8 and replaces malformed bytes", "[report]") {
  CHECK(xml_escape("π ✓ 🎉", false) == "π ✓ 🎉");
  CHECK(xml_escape("a\xff"
                   "b",
                   false) == "a\xEF\xBF\xBD"
                             "b");
  CHECK(xml_escape("\xC0\xAF", false) == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong '/'
  CHECK(xml_escape("\xED\xA0\x80", false) == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
  CHECK(xml_escape("cut \xE2\x9C", false) == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("terminal escape sequences are removed", "[report]") {
  CHECK(strip_terminal_escapes("\x1b[1;31mError\x1b[0m: x") == "Error: x");
  CHECK(strip_terminal_escapes("\x1b]8;;http://x\x1b\\link\x1b]8;;\a.") == "link.");
  CHECK(strip_terminal_escapes("lone \x1b escape") == "lone  escape");
  CHECK(strip_terminal_escapes("cut \x1b[31") == "cut [31");
  CHECK(xml_escape("\x1b[32m<ok>\x1b[0m", false) == "&lt;ok&gt;");
}

TEST_CASE("junit report names each source and example", "[report]") {
  SourceResult result;
  result.source = "/repo/docs/a.md";
  result.seconds = 1.5;
  Verdict passed;
  passed.example = *docnb::ExampleId::parse("docs/a.md::0");
  passed.line = 7;
  passed.seconds = 0.125;
  Verdict skipped;
  skipped.example = *docnb::ExampleId::parse("docs/a.md::1");
  skipped.outcome = Outcome::skipped;
  skipped.reason = "+SKIP";
  result.verdicts = {passed, skipped};
  RunTotals totals;
  totals.add(result);

  const std::string xml = junit_report({result}, totals, "/repo");
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ", 0) == 0);
  CHECK(xml.find("<testsuite name=\"docs/a.md\" tests=\"2\" failures=\"0\" errors=\"0\" "
                 "skipped=\"1\" time=\"1.500\">") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"docs/a.md\" name=\"docs/a.md::0\" file=\"docs/a.md\" "
                 "line=\"7\" time=\"0.125\"/>") != std::string::npos);
  CHECK(xml.find("<skipped message=\"+SKIP\"/>") != std::string::npos);
}

TEST_CASE("junit report gives no line for a notebook cell", "[report]") {
  SourceResult result;
  result.source = "/repo/nb.ipynb";
  Verdict cell;
  cell.example = *docnb::ExampleId::parse("nb.ipynb::Cell 2");
  cell.line = 2; // a cell index, not a line of the file
  result.verdicts = {cell};
  RunTotals totals;
  totals.add(result);
  const std::string xml = junit_report({result}, totals, "/repo");
  CHECK(xml.find("name=\"nb.ipynb::Cell 2\" file=\"nb.ipynb\" time=") != std::string::npos);
}

TEST_CASE("junit report of a stopped run carries an error saying it is incomplete", "[report]") {
  SourceResult result;
  result.source = "/repo/docs/a.md";
  Verdict passed;
  passed.example = ExampleId::line("docs/a.md", 0);
  result.verdicts = {passed};
  RunTotals totals;
  totals.add(result);
  totals.stopped_by = SIGINT;
  const std::string xml = junit_report({result}, totals, "/repo");
  CHECK(xml.find("<testsuites name=\"docnb\" tests=\"2\" failures=\"0\" errors=\"1\"") !=
        std::string::npos);
  CHECK(xml.find("incomplete: the run was stopped by SIGINT") != std::string::npos);
}
