#include "converted_cells.hpp"
#include "converters/markdown.hpp"
#include "converters/myst_doctest.hpp"

using namespace docnb;
using namespace docnb::converters;
using namespace docnb::converters::testing;

namespace {

Converted read(const std::string& text) {
  return converted_or_fail(read_markdown(text, "page.md"));
}

SourceMap map_of(const Json& cell) {
  return source_map_of(cell).value();
}

} // namespace

TEST_CASE("myst: directive options as fields or as a YAML block", "[converters][myst]") {
  const auto fields = myst_directive("{doctest} g1", {":hide:", ":options: +ELLIPSIS", ">>> 1"});
  REQUIRE(fields);
  CHECK(fields->name == "doctest");
  CHECK(fields->argument == "g1");
  CHECK(fields->content_offset == 2);
  CHECK(fields->options ==
        std::map<std::string, std::string>{{"hide", ""}, {"options", "+ELLIPSIS"}});
  const auto yaml = myst_directive("{code-cell} ipython3",
                                   {"---", "tags:", "- a", "- b", "skipif: x", "---", "1"});
  REQUIRE(yaml);
  CHECK(yaml->content_offset == 6);
  CHECK(yaml->options.at("skipif") == "x");
  CHECK(myst_tags(*yaml) == Json{"a", "b"});
  // An unclosed block is content, not options.
  const auto unclosed = myst_directive("{doctest}", {"---", "a: b"});
  CHECK(unclosed->content_offset == 0);
  CHECK(unclosed->options.empty());
  CHECK_FALSE(myst_directive("python", {"1"}));
}

TEST_CASE("myst: a {doctest} fence is a session in its group", "[converters][myst]") {
  const Converted page = read("# Page\n"          // 1
                              "\n"                // 2
                              "```{doctest} g1\n" // 3
                              ":options: +SKIP\n" // 4
                              ":skipif: False\n"  // 5
                              "\n"                // 6
                              ">>> x = 2\n"       // 7
                              ">>> x * 21\n"      // 8
                              "42\n"              // 9
                              "```\n"             // 10
                              "\n"                // 11
                              "```{doctest}\n"    // 12
                              ">>> print('hi')\n" // 13
                              "hi\n"              // 14
                              "```\n");           // 15
  CHECK(page.warnings.empty());
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 2);
  CHECK(source_of(cells[0]) == "x = 2\nx * 21");
  const SourceMap first = map_of(cells[0]);
  CHECK(first.line == 7);
  CHECK(first.last_line == 8);
  CHECK(first.want == "42\n");
  CHECK(first.want_line == 9);
  CHECK(first.want_last_line == 9);
  CHECK(first.group == "g1");
  CHECK(first.options == "+SKIP");
  CHECK(first.skipif == "False");
  CHECK(first.example.str() == "page.md:7");
  const SourceMap second = map_of(cells[1]);
  CHECK(second.group == "default");
  CHECK(second.line == 13);
  CHECK(second.want == "hi\n");
  CHECK(second.want_line == 14);
  CHECK(cell_types(page) == std::vector<std::string>{"markdown", "code", "code"});
}

TEST_CASE("myst: testcode takes the next testoutput of its group", "[converters][myst]") {
  const Converted page = read("```{testcode}\n"                   // 1
                              "print(1 + 1)\n"                    // 2
                              "```\n"                             // 3
                              "\n"                                // 4
                              "```{testcode} other\n"             // 5
                              "print('other')\n"                  // 6
                              "```\n"                             // 7
                              "\n"                                // 8
                              "```{testoutput}\n"                 // 9
                              ":options: +NORMALIZE_WHITESPACE\n" // 10
                              "2\n"                               // 11
                              "```\n"                             // 12
                              "\n"                                // 13
                              "```{testoutput} nobody\n"          // 14
                              "3\n"                               // 15
                              "```\n");                           // 16
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 2);
  const SourceMap code = map_of(cells[0]);
  CHECK(source_of(cells[0]) == "print(1 + 1)");
  CHECK(code.line == 2);
  CHECK(code.group == "default");
  CHECK(code.want == "2\n");
  CHECK(code.want_line == 11);
  CHECK(code.want_last_line == 11);
  CHECK(code.options == "+NORMALIZE_WHITESPACE");
  CHECK_FALSE(map_of(cells[1]).want);
  REQUIRE(page.warnings.size() == 1);
  CHECK_THAT(page.warnings[0], Catch::Contains("page.md:14: testoutput without a testcode"));
}

TEST_CASE("myst: testsetup and testcleanup are hidden cells of their group", "[converters][myst]") {
  const Converted page = read("```{testsetup} g1\n"   // 1
                              "import math\n"         // 2
                              "```\n"                 // 3
                              "\n"                    // 4
                              "```{doctest} g1\n"     // 5
                              ">>> math.pi > 3\n"     // 6
                              "True\n"                // 7
                              "```\n"                 // 8
                              "\n"                    // 9
                              "```{testcleanup} g1\n" // 10
                              "del math\n"            // 11
                              "```\n");               // 12
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 3);
  CHECK(map_of(cells[0]).role == CellRole::setup);
  CHECK(map_of(cells[0]).line == 2);
  CHECK(cells[0].at("metadata").at("nbsphinx") == "hidden");
  CHECK(map_of(cells[1]).role == CellRole::part);
  CHECK(map_of(cells[2]).role == CellRole::cleanup);
  for (const Json& cell : cells)
    CHECK(map_of(cell).group == "g1");
}

TEST_CASE("myst: a cell of several groups, or of *, is copied into each", "[converters][myst]") {
  const Converted page = read("```{testsetup} *\n"  // 1
                              "x = 1\n"             // 2
                              "```\n"               // 3
                              "\n"                  // 4
                              "```{doctest} a, b\n" // 5
                              ">>> x\n"             // 6
                              "1\n"                 // 7
                              "```\n"               // 8
                              "\n"                  // 9
                              "```{doctest} c\n"    // 10
                              ">>> x\n"             // 11
                              "1\n"                 // 12
                              "```\n");             // 13
  std::vector<std::string> groups;
  for (const Json& cell : code_cells(page))
    groups.push_back(map_of(cell).group.value_or("?") + ":" + std::to_string(map_of(cell).line));
  CHECK(groups == std::vector<std::string>{"a:2", "b:2", "c:2", "a:6", "b:6", "c:11"});
  // Copies keep distinct cell ids.
  const Json& all = page.notebook.cells();
  CHECK(all[0].at("id") != all[1].at("id"));
}

TEST_CASE("myst: a * cell on a page with no named group is not run", "[converters][myst]") {
  const std::vector<Json> cells = code_cells(read("```{testsetup} *\nx = 1\n```\n"));
  REQUIRE(cells.size() == 1);
  CHECK(map_of(cells[0]).skip);
}

TEST_CASE("myst: :hide: hides a doctest from the rendered page", "[converters][myst]") {
  const std::vector<Json> cells =
      code_cells(read("```{doctest}\n---\nhide:\n---\n>>> 1\n1\n```\n"));
  REQUIRE(cells.size() == 1);
  CHECK(cells[0].at("metadata").at("nbsphinx") == "hidden");
  CHECK(map_of(cells[0]).line == 5);
  CHECK(map_of(cells[0]).want_line == 6);
}

TEST_CASE("markdown: doctest fences and python fences that start with >>> are sessions",
          "[converters][markdown]") {
  for (const std::string info : {"doctest", "python", "py", "pycon"}) {
    INFO(info);
    const Converted page = read("```" + info +
                                "\n"             // 1
                                "\n"             // 2
                                ">>> a = 1\n"    // 3
                                ">>> a + 1\n"    // 4
                                "2\n"            // 5
                                ">>> print(a)\n" // 6
                                "1\n"            // 7
                                "```\n");        // 8
    const std::vector<Json> cells = code_cells(page);
    REQUIRE(cells.size() == 2);
    CHECK(source_of(cells[0]) == "a = 1\na + 1");
    CHECK(map_of(cells[0]).line == 3);
    CHECK(map_of(cells[0]).want == "2\n");
    CHECK(map_of(cells[0]).want_line == 5);
    CHECK(source_of(cells[1]) == "print(a)");
    CHECK(map_of(cells[1]).line == 6);
    CHECK(map_of(cells[1]).want_line == 7);
    CHECK_FALSE(map_of(cells[0]).group);
  }
  // A python fence whose prompt comes later is code (a `>>>` in a string, say).
  const std::vector<Json> code = code_cells(read("```python\nx = '''\n>>> 1\n'''\n```\n"));
  REQUIRE(code.size() == 1);
  CHECK(source_of(code[0]) == "x = '''\n>>> 1\n'''");
}

TEST_CASE("myst: only a whole, exactly spelt directive name is a directive", "[converters][myst]") {
  for (const std::string info : {"{doctest", "{DocTest}", "{doctest}x", "{doctestx} g1"}) {
    INFO(info);
    CHECK(code_cells(read("```" + info + "\n>>> 1\n1\n```\n")).empty());
  }
}
