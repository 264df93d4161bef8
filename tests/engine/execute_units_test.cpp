#include "converters/markdown.hpp"
#include "engine/execute_units.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

Notebook page(const std::string& text) {
  auto converted = converters::read_markdown(text, "page.md");
  REQUIRE(converted);
  return converted->notebook;
}

// Each unit as the first lines of its cells.
std::vector<std::vector<int>> unit_lines(const Notebook& notebook) {
  std::vector<std::vector<int>> lines;
  for (const ExecutionUnit& unit :
       execution_units(notebook, converters::SourceKind::markdown, {})) {
    auto& unit_lines = lines.emplace_back();
    for (const std::size_t index : unit)
      unit_lines.push_back(source_map_of(notebook.cells().at(index))->line);
  }
  return lines;
}

} // namespace

TEST_CASE("execution units: a page without groups is one unit", "[engine][units]") {
  const Notebook notebook = page("```python\na = 1\n```\n\n```pycon\n>>> a\n1\n```\n");
  CHECK_FALSE(has_groups(notebook));
  CHECK(unit_lines(notebook) == std::vector<std::vector<int>>{{2, 6}});
}

TEST_CASE("execution units: each doctest group is a unit, setup first and cleanup last",
          "[engine][units]") {
  const Notebook notebook = page("```{testcleanup} g1\n" // 1
                                 "del x\n"               // 2
                                 "```\n"                 // 3
                                 "```python\n"           // 4
                                 "plain = 1\n"           // 5
                                 "```\n"                 // 6
                                 "```{doctest} g2\n"     // 7
                                 ">>> 2\n"               // 8
                                 "2\n"                   // 9
                                 "```\n"                 // 10
                                 "```{doctest} g1\n"     // 11
                                 ">>> x\n"               // 12
                                 "1\n"                   // 13
                                 "```\n"                 // 14
                                 "```{testsetup} g1\n"   // 15
                                 "x = 1\n"               // 16
                                 "```\n");               // 17
  CHECK(has_groups(notebook));
  // Page cells of no group first; then the groups as they first appear on the page.
  CHECK(unit_lines(notebook) == std::vector<std::vector<int>>{{5}, {16, 12, 2}, {8}});
}
