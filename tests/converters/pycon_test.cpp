#include "converters/pycon.hpp"

#include <catch2/catch.hpp>

using namespace docnb::converters;

TEST_CASE("pycon: statements without output join the next part", "[converters][pycon]") {
  const PyconSession session = split_pycon({">>> a = 1", ">>> b = 2", ">>> a + b", "3"}, 10);
  REQUIRE(session.parts.size() == 1);
  const PyconPart& part = session.parts[0];
  CHECK(part.source == "a = 1\nb = 2\na + b");
  CHECK(part.line == 10);
  CHECK(part.last_line == 12);
  CHECK(part.want == "3\n");
  CHECK(part.want_line == 13);
  CHECK(part.want_last_line == 13);
}

TEST_CASE("pycon: a blank line ends a want", "[converters][pycon]") {
  const PyconSession session = split_pycon({">>> print('a')", "a", "", "prose after", ">>> 1"}, 1);
  REQUIRE(session.parts.size() == 2);
  CHECK(session.parts[0].want == "a\n");
  CHECK_FALSE(session.parts[1].want.has_value());
  CHECK(session.parts[1].want_line == 0);
  CHECK(session.stray_lines == std::vector<int>{4});
}

TEST_CASE("pycon: continuation lines and an ellipsis want", "[converters][pycon]") {
  const PyconSession loop =
      split_pycon({">>> for i in range(2):", "...     print(i)", "...", "0", "1"}, 1);
  REQUIRE(loop.parts.size() == 1);
  CHECK(loop.parts[0].source == "for i in range(2):\n    print(i)\n");
  CHECK(loop.parts[0].last_line == 3);
  CHECK(loop.parts[0].want == "0\n1\n");
  CHECK(loop.parts[0].want_line == 4);

  // A bare `...` after a complete one-line statement is xdoctest's ellipsis want.
  const PyconSession ellipsis = split_pycon({">>> print(list(range(100)))", "..."}, 1);
  REQUIRE(ellipsis.parts.size() == 1);
  CHECK(ellipsis.parts[0].source == "print(list(range(100)))");
  CHECK(ellipsis.parts[0].want == "...\n");
  CHECK(ellipsis.parts[0].want_line == 2);

  const PyconSession call = split_pycon({">>> f(", "...     1,", "... )", "2"}, 5);
  CHECK(call.parts.at(0).source == "f(\n    1,\n)");
  CHECK(call.parts.at(0).last_line == 7);
  CHECK(call.parts.at(0).want == "2\n");
}

TEST_CASE("pycon: indentation comes from the first prompt", "[converters][pycon]") {
  const PyconSession session = split_pycon({"    >>> print(' x')", "     x", "    <BLANKLINE>"}, 1);
  REQUIRE(session.parts.size() == 1);
  CHECK(session.parts[0].want == " x\n<BLANKLINE>\n");
}

TEST_CASE("pycon: prompts need a space or nothing after them", "[converters][pycon]") {
  const PyconSession session = split_pycon({">>>", ">>>x = 1"}, 1);
  REQUIRE(session.parts.size() == 1);
  CHECK(session.parts[0].source == "");
  CHECK(session.parts[0].want == ">>>x = 1\n");
  CHECK(starts_with_prompt("  >>> x"));
  CHECK(starts_with_prompt(">>>"));
  CHECK_FALSE(starts_with_prompt(">>>x"));
}

TEST_CASE("pycon: a bare `...` inside a triple-quoted string continues it", "[converters][pycon]") {
  const PyconSession text =
      split_pycon({">>> s = '''first", "...", "... last'''", ">>> len(s.splitlines())", "3"}, 1);
  REQUIRE(text.parts.size() == 1);
  CHECK(text.parts[0].source == "s = '''first\n\nlast'''\nlen(s.splitlines())");
  CHECK(text.parts[0].want == "3\n");

  // A quote character inside a comment or a closed string opens nothing.
  const PyconSession closed = split_pycon({">>> s = '\"\"\"'  # '''", "..."}, 1);
  REQUIRE(closed.parts.size() == 1);
  CHECK(closed.parts[0].want == "...\n");
}

TEST_CASE("pycon: a statement with an inline directive is a part of its own",
          "[converters][pycon]") {
  const PyconSession session = split_pycon(
      {">>> z = 5", ">>> z = 6  # doctest: +SKIP", ">>> y = 1", ">>> z", "5", ">>> # doctest: +X"},
      1);
  REQUIRE(session.parts.size() == 4);
  CHECK(session.parts[0].source == "z = 5");
  CHECK(session.parts[1].source == "z = 6  # doctest: +SKIP");
  CHECK_FALSE(session.parts[1].want.has_value());
  CHECK(session.parts[2].source == "y = 1\nz");
  CHECK(session.parts[2].want == "5\n");
  // A directive on a line of its own keeps its block scope: it joins the next statements.
  CHECK(session.parts[3].source == "# doctest: +X");
}

TEST_CASE("pycon: session cells say they are sessions", "[converters][pycon]") {
  CellList cells("page.md");
  (void)add_session_cells({">>> 1", "1"}, 3, docnb::SourceMap{}, docnb::Json::object(), cells);
  REQUIRE(cells.size() == 1);
  const std::optional<docnb::SourceMap> map = docnb::source_map_of(cells.cell(0));
  REQUIRE(map.has_value());
  CHECK(map->session);
  CHECK(map->compile_mode.empty());
}
