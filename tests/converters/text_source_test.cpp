// What every text converter shares: the source split into checked UTF-8 lines, line ranges,
// indentation as Python counts it, and the cells of the notebook it becomes.
#include "converters/text_source.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::converters;

namespace {

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("text source: lines end at \\n, \\r\\n or a lone \\r; the BOM goes",
          "[converters][text_source]") {
  const Result<SourceText> source = split_source("\xEF\xBB\xBF"
                                                 "a\r\nb\rc\n\nd",
                                                 "p.md");
  REQUIRE(source.ok());
  CHECK(source->text == "a\r\nb\rc\n\nd");
  CHECK(source->lines == Lines{"a", "b", "c", "", "d"});
  CHECK(split_source("a\n", "p.md")->lines == Lines{"a"});
  CHECK(split_source("", "p.md")->lines.empty());
}

TEST_CASE("text source: a byte that is not UTF-8 is an error at its line and column",
          "[converters][text_source]") {
  const Result<SourceText> latin1 = split_source("ok\ncaf\xE9\n", "p.md");
  REQUIRE_FALSE(latin1.ok());
  CHECK(latin1.error().where == "p.md:2");
  CHECK_THAT(latin1.error().message, Catch::StartsWith("not UTF-8: byte 0xE9 at column 4"));
  // Overlong forms and surrogates are refused as JSON writers refuse them.
  CHECK_FALSE(split_source("\xC0\xAF", "p.md").ok());
  CHECK_FALSE(split_source("\xED\xA0\x80", "p.md").ok());
  CHECK(split_source("\xF0\x9F\x8E\x89 \xCF\x80", "p.md").ok());
}

TEST_CASE("text source: line ranges, joined and trimmed of blank lines",
          "[converters][text_source]") {
  const Lines lines{"", "  a", "b", "   ", ""};
  CHECK(join_lines(lines, 2, 3) == "  a\nb");
  CHECK(join_lines(lines, 4, 9) == "   \n"); // up to the source's last line
  const std::optional<LineRange> range = non_blank_range(lines, 1, 5);
  REQUIRE(range);
  CHECK(range->first == 2);
  CHECK(range->last == 3);
  CHECK_FALSE(non_blank_range(lines, 4, 5));
  CHECK(trimmed_block(lines, 1, 5) == "  a\nb");
  CHECK_FALSE(trimmed_block(lines, 4, 5));
}

TEST_CASE("text source: indentation counts a tab to the next multiple of 8",
          "[converters][text_source]") {
  CHECK(indentation("    x") == 4);
  CHECK(indentation("\tx") == 8);
  CHECK(indentation("  \tx") == 8);
  CHECK(indentation("") == 0);
  CHECK(dedent("      x", 4) == "  x");
  CHECK(dedent("  x", 4) == "x");
  CHECK(dedent("\tx", 2) == "      x"); // a tab cut into keeps its other columns
}

TEST_CASE("text source: cells map back to their lines, ids follow the order",
          "[converters][text_source]") {
  CellList cells("page.md");
  cells.add_markdown("# Title");
  cells.add_code_lines(Lines{"x = 1", "y = 2", "z"}, LineRange{2, 3});
  cells.add_raw("raw", "text/x-rst");
  REQUIRE(cells.size() == 3);
  const Json& code = cells.cell(1);
  CHECK(code["source"] == "y = 2\nz");
  const std::optional<SourceMap> map = source_map_of(code);
  REQUIRE(map);
  CHECK(map->line == 2);
  CHECK(map->last_line == 3);
  CHECK(map->example == ExampleId::line("page.md", 2));
  const Notebook notebook = make_notebook("page.md", cells.take());
  CHECK(notebook.cells()[0]["id"] == "cell-0000");
  CHECK(notebook.cells()[2]["id"] == "cell-0002");
  CHECK(notebook.document["nbformat"] == 4);
}

TEST_CASE("text source: a script reader's cells and warnings become the converted source",
          "[converters][text_source]") {
  const Result<Converted> converted =
      read_script(SourceKind::percent, "a\nb\n", "s.py",
                  [](const Lines& lines, CellList& cells, std::vector<std::string>& warnings) {
                    cells.add_code_lines(lines, LineRange{1, 2});
                    warnings.push_back("s.py:1: noted");
                  });
  REQUIRE(converted.ok());
  CHECK(converted->kind == SourceKind::percent);
  CHECK(converted->original == "a\nb\n");
  CHECK(converted->warnings == std::vector<std::string>{"s.py:1: noted"});
  CHECK(converted->notebook.cells()[0]["source"] == "a\nb");
  CHECK_FALSE(read_script(SourceKind::percent, "\xFF", "s.py",
                          [](const Lines&, CellList&, std::vector<std::string>&) {})
                  .ok());
}
