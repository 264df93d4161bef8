// Fresh output turned into the lines of a doctest want, as a parser will read them back.
#include "converters/want_lines.hpp"

#include <catch2/catch.hpp>

using namespace docnb::converters;

TEST_CASE("want lines: trailing blank lines and spaces go", "[converters][want_lines]") {
  CHECK(want_text("3\n") == "3");
  CHECK(want_text("a\n\n \t\r\n") == "a");
  CHECK(want_text("  a") == "  a");
  CHECK(want_text("") == "");
}

TEST_CASE("want lines: split at newlines, blank lines written as <BLANKLINE>",
          "[converters][want_lines]") {
  CHECK(split_text("").empty());
  CHECK(split_text("a\n\nb") == std::vector<std::string>{"a", "", "b"});
  CHECK(split_text("a\n") == std::vector<std::string>{"a", ""});
  CHECK(pycon_text("a\n\n  \nb") == "a\n<BLANKLINE>\n<BLANKLINE>\nb\n");
}

TEST_CASE("want lines: the indentation of the prompt, and wants that cannot be written",
          "[converters][want_lines]") {
  CHECK(prompt_indent("    >>> x") == "    ");
  CHECK(prompt_indent("> >>> x") == "> ");
  CHECK(prompt_indent("no prompt") == "");
  CHECK_FALSE(unwritable_want("a\n>>>b"));
  CHECK(unwritable_want("a\n  >>> b"));
  CHECK(unwritable_want(">>>"));
}
