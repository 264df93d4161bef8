#include "converted_cells.hpp"
#include "converters/markdown.hpp"
#include "converters/page_rules.hpp"
#include "converters/rst.hpp"
#include "converters/source_rules.hpp"

using namespace docnb;
using namespace docnb::converters;
using namespace docnb::converters::testing;
using docnb::check::RuleSet;

namespace {

const std::string page = "T\n"                      // 1
                         "=\n"                      // 2
                         "\n"                       // 3
                         ".. testsetup:: *\n"       // 4
                         "\n"                       // 5
                         "   base = 1\n"            // 6
                         "\n"                       // 7
                         ".. doctest:: g\n"         // 8
                         "   :pyversion: >= 3.8\n"  // 9
                         "\n"                       // 10
                         "   >>> x = 1\n"           // 11
                         "   >>> x\n"               // 12
                         "   1\n"                   // 13
                         "\n"                       // 14
                         ".. testcode::\n"          // 15
                         "\n"                       // 16
                         "   print(2)\n"            // 17
                         "\n"                       // 18
                         ".. testoutput::\n"        // 19
                         "\n"                       // 20
                         "   2\n"                   // 21
                         "\n"                       // 22
                         ".. code-block:: python\n" // 23
                         "\n"                       // 24
                         "   not_run()\n"           // 25
                         "\n"                       // 26
                         "Example::\n"              // 27
                         "\n"                       // 28
                         "   >>> literal()\n";      // 29

std::vector<std::pair<int, std::string>> lines_and_groups(const Converted& converted) {
  std::vector<std::pair<int, std::string>> found;
  for (const Json& cell : code_cells(converted)) {
    const Json map = docnb_of(cell);
    found.emplace_back(map.value("line", 0), map.value("group", ""));
  }
  return found;
}

} // namespace

TEST_CASE("rst under sphinx: groups, one example per statement, what Sphinx runs only",
          "[converters][rules]") {
  const Converted converted = converted_or_fail(read_rst(page, "page.rst", rst_rules({})));
  // The `*` setup is copied into both groups; the code-block and the literal block are not run.
  CHECK(lines_and_groups(converted) ==
        std::vector<std::pair<int, std::string>>{
            {6, "g"}, {6, "default"}, {11, "g"}, {12, "g"}, {17, "default"}});
  for (const Json& cell : code_cells(converted))
    CHECK(docnb_of(cell).value("rules", "") == "sphinx");
  const Json testcode = docnb_of(code_cells(converted).back());
  CHECK(testcode.value("compile_mode", "") == "exec");
  CHECK(testcode.value("options", "") == "+DONT_ACCEPT_BLANKLINE");
  CHECK(docnb_of(code_cells(converted)[2]).value("skipif", "") ==
        "not (__import__('sys').version_info[:3] >= (3, 8, 0, ))");
  REQUIRE(converted.warnings.size() == 1);
  CHECK(converted.warnings[0].find("2 code or literal blocks are not run") != std::string::npos);
}

TEST_CASE("rst without a rule set reads every block into one namespace", "[converters][rules]") {
  const Converted converted = converted_or_fail(read_rst(page, "page.rst"));
  CHECK(code_cells(converted).size() == 5); // setup, one session part, testcode, code, literal
  CHECK_FALSE(docnb_of(code_cells(converted)[0]).contains("group"));
}

TEST_CASE("Markdown sessions default to stdlib with ELLIPSIS, one example per statement",
          "[converters][rules]") {
  const std::string text = "```pycon\n>>> a = 1\n>>> a\n1\n```\n\n```python\nprint(1)\n```\n\n"
                           "```output\n1\n```\n";
  const Converted converted = converted_or_fail(read_markdown(text, "p.md", markdown_rules({})));
  const std::vector<Json> cells = code_cells(converted);
  REQUIRE(cells.size() == 3);
  CHECK(docnb_of(cells[0]).value("rules", "") == "stdlib");
  CHECK(docnb_of(cells[0]).value("options", "") == "+ELLIPSIS");
  CHECK(docnb_of(cells[1]).value("line", 0) == 3);
  CHECK_FALSE(docnb_of(cells[2]).contains("rules")); // an output fence keeps xdoctest's rules
}

TEST_CASE("shared options, Sphinx's default flags and the global setup per group",
          "[converters][rules]") {
  SourceRules rules;
  rules.options = "+NORMALIZE_WHITESPACE";
  rules.sphinx_default_flags = "+ELLIPSIS";
  rules.global_setup = "import math";
  rules.global_cleanup = "del math";
  CHECK(rst_rules(rules).options ==
        "-ELLIPSIS, -IGNORE_EXCEPTION_DETAIL, -DONT_ACCEPT_TRUE_FOR_1, +ELLIPSIS, "
        "+NORMALIZE_WHITESPACE");
  rules.rst = RuleSet::xdoctest;
  CHECK(rst_rules(rules).options == "+NORMALIZE_WHITESPACE");
  rules.rst.reset();
  Converted converted = converted_or_fail(read_rst(page, "page.rst", rst_rules(rules)));
  add_page_setup(converted.notebook, rules);
  const std::vector<Json> cells = code_cells(converted);
  REQUIRE(cells.size() == 9);
  CHECK(source_of(cells[0]) == "import math");
  CHECK(docnb_of(cells[0]).value("group", "") == "g");
  CHECK(docnb_of(cells[1]).value("group", "") == "default");
  CHECK(docnb_of(cells[1]).value("role", "") == "setup");
  CHECK(source_of(cells[8]) == "del math");
}

TEST_CASE("pyversion specs as skip conditions", "[converters][rules]") {
  CHECK(pyversion_skipif("> 3.10") == "not (__import__('sys').version_info[:3] > (3, 10, 0, ))");
  CHECK(pyversion_skipif("== 3.11.2") ==
        "not (__import__('sys').version_info[:3] == (3, 11, 2, ))");
  CHECK_FALSE(pyversion_skipif("~= 3.8"));
  CHECK_FALSE(pyversion_skipif(">= three"));
  CHECK(sphinx_group("") == "default");
  CHECK(sphinx_group(" g ") == "g");
}
