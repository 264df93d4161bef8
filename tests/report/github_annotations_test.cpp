// GitHub Actions workflow commands: one line each, escaped as GitHub's toolkit escapes them.
#include "report/github_annotations.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

Verdict failure(std::string example, std::size_t line, std::string reason) {
  Verdict v;
  v.outcome = Outcome::failed;
  v.example = *docnb::ExampleId::parse(example);
  v.line = line;
  v.reason = std::move(reason);
  return v;
}

} // namespace

TEST_CASE("annotation messages and properties are escaped as GitHub's toolkit does", "[report]") {
  CHECK(escape_annotation_message("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad");
  CHECK(escape_annotation_property("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad");
  CHECK(escape_annotation_property("%3A") == "%253A"); // escaped once, read back literally
}

TEST_CASE("a failed Markdown example points at its line", "[report]") {
  SourceResult result;
  result.source = "/repo/docs/guide, part 1.md";
  Verdict v = failure("docs/guide, part 1.md::3", 42, "output differs");
  v.first_line = "print(1)";
  v.details = {"- 1\n+ 2"};
  result.verdicts = {v, Verdict{}}; // the passed one is not annotated
  RunTotals totals;
  totals.add(result);
  CHECK(github_annotations({result}, totals, "/repo") ==
        "::error file=docs/guide%2C part 1.md,line=42,title=docnb%3A 3::"
        "3 `print(1)`: output differs%0A- 1%0A+ 2\n");
}

TEST_CASE("a failed notebook cell points at line 1 and names the cell", "[report]") {
  SourceResult result;
  result.source = "/repo/nb.ipynb";
  result.verdicts = {
      failure("nb.ipynb::Cell 5", 9, "\x1b[31mZeroDivisionError\x1b[0m\x01\x7f: 100%")};
  RunTotals totals;
  totals.add(result);
  CHECK(github_annotations({result}, totals, "/repo") ==
        "::error file=nb.ipynb,line=1,title=docnb%3A Cell 5::Cell 5: ZeroDivisionError: 100%25\n");
}

TEST_CASE("input errors and warnings are annotated too", "[report]") {
  SourceResult broken;
  broken.source = "/repo/bad.md";
  broken.input_error = Error{"unclosed fence", "bad.md:12"};
  SourceResult warned;
  warned.source = "/repo/w.md";
  warned.warnings = {"w.md:3: unknown directive +SKP, did you mean +SKIP?"};
  warned.verdicts = {Verdict{}};
  RunTotals totals;
  totals.add(broken);
  totals.add(warned);
  CHECK(github_annotations({broken, warned}, totals, "/repo") ==
        "::error file=bad.md,line=12,title=docnb::bad.md:12: unclosed fence\n"
        "::warning file=w.md,title=docnb::w.md:3: unknown directive +SKP, did you mean +SKIP?\n");
}

TEST_CASE("a message cannot start a second workflow command", "[report]") {
  SourceResult result;
  result.source = "/repo/a.md";
  result.verdicts = {failure("a.md::0", 1, "x\n::set-output name=a::b\r\n::stop-commands::t")};
  RunTotals totals;
  totals.add(result);
  const std::string out = github_annotations({result}, totals, "/repo");
  CHECK(out.find('\n') == out.size() - 1);
  CHECK(out.find('\r') == std::string::npos);
}

TEST_CASE("long failure messages are cut on a character boundary", "[report]") {
  SourceResult result;
  result.source = "/repo/a.md";
  Verdict v = failure("a.md::0", 1, "r");
  // "0: r\n" and 3990 bytes put the 4000-byte cut inside the third π.
  v.details = {std::string(3990, 'x') + "ππππππ"};
  result.verdicts = {v};
  RunTotals totals;
  totals.add(result);
  const std::string out = github_annotations({result}, totals, "/repo");
  CHECK(out.size() < 4200);
  CHECK(out.find("... (truncated)") != std::string::npos);
  CHECK(out.find(std::string(3990, 'x') + "ππ%0A... (truncated)\n") != std::string::npos);
}
