#include "report/html_example.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using Json = nlohmann::json;

namespace {

Json example(const std::string& status) {
  Json example = Json::parse(R"j({"file": "docs/a b.md", "example": "docs/a b.md:12",
    "cells": [3], "cell": 3, "line": 12, "located": "line", "first_line": "f(<x>)",
    "reason": "got <differs>", "details": ["- 1\n+ 2"], "seconds": 0.5,
    "parts": [{"cell": 3, "code": "f(<x>)", "want": "1", "expected": [],
               "got": [{"output_type": "stream", "name": "stdout", "text": "2\n"}],
               "normalisations": ["ELLIPSIS"]}]})j");
  example["status"] = status;
  return example;
}

bool has(const std::string& html, const std::string& part) {
  return html.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("links point at the file relative to the report, or through the template", "[report]") {
  SourceLinks local{"../", ""};
  CHECK(local.href("docs/a b.md", 12) == "../docs/a%20b.md");
  CHECK(local.href("/abs/x.md", 3) == "file:///abs/x.md");
  SourceLinks web{"../", "https://h/blob/sha/{path}#L{line}"};
  CHECK(web.href("docs/a b.md", 12) == "https://h/blob/sha/docs/a%20b.md#L12");
  CHECK(web.href("docs/n.ipynb", 0) == "https://h/blob/sha/docs/n.ipynb#L1");
  CHECK(web.href("\"><x>", 1) == "https://h/blob/sha/%22%3E%3Cx%3E#L1");
}

TEST_CASE("a failed example is open and shows expected against got", "[report]") {
  const std::string html = example_html(example("failed"), 7, SourceLinks{"", ""});
  CHECK(has(html, "<article class=\"example failed\" id=\"example-7\"><details open>"));
  CHECK(has(html, "<a class=\"where\" href=\"docs/a%20b.md\">docs/a b.md:12</a>"));
  CHECK(has(html, "<code class=\"first-line\">f(&lt;x&gt;)</code>"));
  CHECK(has(html, "<p class=\"reason\">got &lt;differs&gt;</p>"));
  CHECK(has(html, "compared with: <span class=\"normalisations\">ELLIPSIS</span>"));
  CHECK(has(html, "<h4>printed</h4><table class=\"diff\">"));
  CHECK(has(html, "the difference as text"));
  CHECK_FALSE(has(html, "class=\"name\"")); // its id says no more than its place
}

TEST_CASE("a passed example starts collapsed once script runs and previews its output",
          "[report]") {
  Json passed = example("passed");
  passed["reason"] = "";
  const std::string html = example_html(passed, 0, SourceLinks{"", ""});
  CHECK(has(html, "<details open data-collapsed>"));
  CHECK(has(html, "<pre class=\"output stdout\">2\n</pre>"));
  CHECK_FALSE(has(html, "<table class=\"diff\">"));
  CHECK_FALSE(has(html, "the difference as text"));
}

TEST_CASE("notebook cells are placed by cell, docstring examples named by their id", "[report]") {
  Json cell = example("passed");
  cell["file"] = "nb.ipynb";
  cell["example"] = "nb.ipynb::Cell 0";
  cell["located"] = "cell";
  cell["cell"] = 4;
  CHECK(has(example_html(cell, 0, {}), ">nb.ipynb, cell 4</a>"));
  CHECK_FALSE(has(example_html(cell, 0, {}), "class=\"name\""));
  Json docstring = example("passed");
  docstring["file"] = "pkg/m.py";
  docstring["example"] = "pkg/m.py::Shape.area:0";
  CHECK(has(example_html(docstring, 0, {}), "<span class=\"name\">Shape.area:0</span>"));
}

TEST_CASE("seconds have two decimals", "[report]") {
  CHECK(seconds_text(1.254) == "1.25 s");
  CHECK(seconds_text(0) == "0.00 s");
}
