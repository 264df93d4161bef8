// xdoctest's DoctestParser.parse: a docstring's text split into text and parts, each part with
// its lines in the docstring, and the malformed sources xdoctest refuses.
#include "converters/doctest_parser.hpp"
#include "converters/python_runtime.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::converters;

namespace {

// parse_doctest tokenizes with CPython's own tokenize: it runs with the GIL held.
Result<std::vector<ParsedItem>> parse(const std::string& text, int first_line = 0) {
  return python::with_python([&] { return parse_doctest(text, first_line); });
}

std::vector<ParsedItem> parsed(const std::string& text, int first_line = 0) {
  Result<std::vector<ParsedItem>> items = parse(text, first_line);
  REQUIRE(items.ok());
  return std::move(items).value();
}

const DocPart& part_at(const std::vector<ParsedItem>& items, std::size_t index) {
  REQUIRE(index < items.size());
  REQUIRE(std::holds_alternative<DocPart>(items[index]));
  return std::get<DocPart>(items[index]);
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("text and parts alternate, each at its line of the docstring", "[doctest_parser]") {
  const auto items = parsed("Intro.\n>>> x = 1\n>>> x\n1\n\nOutro.\n", 10);
  REQUIRE(items.size() == 4);
  REQUIRE(std::holds_alternative<Lines>(items[0]));
  CHECK(std::get<Lines>(items[0]) == Lines{"Intro."});
  // The last expression before a want is a part of its own: its value is what is compared.
  const DocPart& statement = part_at(items, 1);
  CHECK(statement.exec_lines == Lines{"x = 1"});
  CHECK_FALSE(statement.want);
  CHECK(statement.compile_mode == "exec");
  CHECK(statement.line == 11);
  const DocPart& expression = part_at(items, 2);
  CHECK(expression.exec_lines == Lines{"x"});
  CHECK(expression.orig_lines == Lines{">>> x"});
  CHECK(expression.want == "1");
  CHECK(expression.compile_mode == "eval");
  CHECK(expression.line == 12);
  CHECK(expression.want_line == 13);
  CHECK(expression.want_line_count == 1);
  REQUIRE(std::holds_alternative<Lines>(items[3]));
  // A want runs to the blank line: the text after it starts there.
  CHECK(std::get<Lines>(items[3]) == Lines{"", "Outro."});
}

TEST_CASE("the common indentation goes; a want runs to the next blank line or prompt",
          "[doctest_parser]") {
  const auto items = parsed("    >>> print('a\\nb')\n    a\n    b\n\n    >>> 2\n    2\n");
  const DocPart& printed = part_at(items, 0);
  CHECK(printed.exec_lines == Lines{"print('a\\nb')"});
  CHECK(printed.want == "a\nb");
  CHECK(printed.want_line_count == 2);
  const auto second = std::find_if(items.begin() + 1, items.end(), [](const ParsedItem& item) {
    return std::holds_alternative<DocPart>(item);
  });
  REQUIRE(second != items.end());
  CHECK(std::get<DocPart>(*second).want == "2");
  CHECK(std::get<DocPart>(*second).line == 4);
}

TEST_CASE("a source left open, or a badly indented line, is refused as xdoctest refuses it",
          "[doctest_parser]") {
  const Result<std::vector<ParsedItem>> open = parse(">>> x = (1,\n");
  REQUIRE_FALSE(open.ok());
  CHECK_THAT(open.error().message, Catch::Contains("not balanced"));
  const Result<std::vector<ParsedItem>> indented = parse(">>> x = (1,\n2)\n");
  REQUIRE_FALSE(indented.ok());
  CHECK_THAT(indented.error().message, Catch::StartsWith("Bad indentation in doctest on line 1"));
}
