// The failure text the console and the JSON report share.
#include "report/failure_text.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("a text source's failure names file:line, its first line, details and the rerun",
          "[report]") {
  Verdict verdict;
  verdict.outcome = Outcome::failed;
  verdict.in_text = true;
  verdict.line = 14;
  verdict.first_line = "print(\"actual\")";
  verdict.reason = "got differs from the expected output";
  verdict.details = {"expected (-) and got (+)\n-expected\n+actual\n"};
  verdict.example = ExampleId::line("docs/page.md", 14);
  CHECK(failure_text("docs/page.md", verdict) ==
        "docs/page.md:14 `print(\"actual\")`: got differs from the expected output\n"
        "  expected (-) and got (+)\n  -expected\n  +actual\n  \n");

  verdict.example = ExampleId::named("pkg/mod.py", "f:0");
  verdict.details = {"one", "two"};
  CHECK(failure_text("pkg/mod.py", verdict) ==
        "pkg/mod.py:14 `print(\"actual\")`: got differs from the expected output\n"
        "  one\n  two\n  rerun: docnb run 'pkg/mod.py::f:0'\n");
}

TEST_CASE("a notebook cell's failure is named by its cell", "[report]") {
  Verdict verdict;
  verdict.outcome = Outcome::failed;
  verdict.cell = 3;
  verdict.reason = "kernel died (signal 9 (Killed))";
  verdict.example = ExampleId::cell("nb.ipynb", 2);
  CHECK(failure_text("nb.ipynb", verdict) == "Cell 2: kernel died (signal 9 (Killed))\n");
}
