#include "report/html_report.hpp"
#include "report/json_report.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using Json = nlohmann::json;

namespace {

Json sample_report() {
  SourceResult passing;
  passing.source = "/repo/docs/ok.md";
  Verdict ok;
  ok.example = ExampleId::line("docs/ok.md", 3);
  ok.seconds = 0.2;
  passing.verdicts = {ok};
  SourceResult failing;
  failing.source = "/repo/docs/bad.ipynb";
  Verdict bad;
  bad.outcome = Outcome::failed;
  bad.reason = "timed out after 3 s";
  bad.example = ExampleId::cell("docs/bad.ipynb", 0);
  bad.seconds = 3;
  Verdict skipped;
  skipped.outcome = Outcome::skipped;
  skipped.cell = 1;
  failing.verdicts = {bad, skipped};
  SourceResult broken;
  broken.source = "/repo/docs/<broken>.ipynb";
  broken.input_error = Error{"not valid JSON", "docs/<broken>.ipynb:1"};
  RunTotals totals;
  for (const SourceResult* result : {&passing, &failing, &broken})
    totals.add(*result);
  return Json::parse(json_report({passing, failing, broken}, totals, "/repo",
                                 {{"docnb", "run", "--html", "it's.html", "docs"}, 4.5}));
}

bool has(const std::string& html, const std::string& part) {
  return html.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the header has the summary, the command, the slowest examples and the filter",
          "[report]") {
  const Result<std::string> html = html_report(sample_report(), SourceLinks{});
  REQUIRE(html);
  CHECK(has(*html, "<title>docnb: 1 failed, 1 passed</title>"));
  CHECK(has(*html, "docnb: 3 sources in 4.50 s, 1 could not run"));
  CHECK(has(*html, "<span class=\"failed\">1 failed</span>"));
  CHECK(has(*html, "<code>docnb run --html &#39;it&#39;\\&#39;&#39;s.html&#39; docs</code>"));
  CHECK(has(*html, "<li>3.00 s <a href=\"#example-1\">docs/bad.ipynb::Cell 0</a></li>"));
  CHECK(has(*html, "<label for=\"show-failed\">failed (1)</label>"));
  CHECK(has(*html, "<input type=\"search\" id=\"search\""));
}

TEST_CASE("failing sources come first, sources that could not run are listed apart", "[report]") {
  const std::string html = *html_report(sample_report(), SourceLinks{});
  CHECK(html.find(">docs/bad.ipynb</a>") < html.find(">docs/ok.md</a>"));
  CHECK(has(html, "<section class=\"source failed has-failed has-skipped\"><details open>"));
  CHECK(has(html, "<section class=\"source\"><details open data-collapsed>"));
  CHECK(has(html, "<span class=\"file\">docs/&lt;broken&gt;.ipynb</span>: not valid JSON"));
  CHECK(html.find("class=\"errors\"") < html.find("class=\"source"));
  CHECK(has(html, "<p class=\"reason\">timed out after 3 s</p>"));
}

TEST_CASE("the same report renders the same page", "[report]") {
  CHECK(*html_report(sample_report(), SourceLinks{}) ==
        *html_report(sample_report(), SourceLinks{}));
}

TEST_CASE("a document that is no docnb report is an error, not a crash", "[report]") {
  CHECK_FALSE(html_report(Json::array(), SourceLinks{}));
  CHECK_FALSE(html_report(Json{{"examples", 3}}, SourceLinks{}));
  const Result<std::string> wrong_type =
      html_report(Json{{"examples", {{{"file", 1}}}}}, SourceLinks{});
  REQUIRE_FALSE(wrong_type);
  CHECK(wrong_type.error().message.starts_with("not a docnb JSON report"));
  CHECK(html_report(Json{{"examples", Json::array()}}, SourceLinks{}));
}

TEST_CASE("command lines quote what a shell would split", "[report]") {
  CHECK(shell_command(Json{"docnb", "run", "a b", "it's", "x=1"}) ==
        "docnb run 'a b' 'it'\\''s' x=1");
  CHECK(shell_command(Json{""}) == "''");
}
