#include "report/ansi_html.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("colours become classes and the escapes disappear from the text", "[report]") {
  CHECK(ansi_to_html("\x1b[31mred\x1b[0m plain") == "<span class=\"ansi-fg-1\">red</span> plain");
  CHECK(ansi_to_html("\x1b[1;92mok\x1b[39m still bold\x1b[22m") ==
        "<span class=\"ansi-bold ansi-fg-10\">ok</span>"
        "<span class=\"ansi-bold\"> still bold</span>");
  CHECK(ansi_to_html("\x1b[44;4mx") == "<span class=\"ansi-underline ansi-bg-4\">x</span>");
}

TEST_CASE("256-colour and true-colour escapes become inline colours", "[report]") {
  CHECK(ansi_to_html("\x1b[38;5;196mx") == "<span style=\"color:#ff0000;\">x</span>");
  CHECK(ansi_to_html("\x1b[38;5;9mx") == "<span class=\"ansi-fg-9\">x</span>");
  CHECK(ansi_to_html("\x1b[48;5;232mx") == "<span style=\"background-color:#080808;\">x</span>");
  CHECK(ansi_to_html("\x1b[38;2;1;2;255mx") == "<span style=\"color:#0102ff;\">x</span>");
  // Truncated sequences do not read past their parameters.
  CHECK(ansi_to_html("\x1b[38;5mx") == "x");
  CHECK(ansi_to_html("\x1b[38;2;1mx") == "x");
}

TEST_CASE("other escapes are dropped and the text is escaped", "[report]") {
  CHECK(ansi_to_html("a\x1b[2Kb\x1b]0;title\x07"
                     "c\x1b]8;;http://x\x1b\\d") == "abcd");
  CHECK(ansi_to_html("\x1b[31m<script>\x1b[0m") ==
        "<span class=\"ansi-fg-1\">&lt;script&gt;</span>");
  CHECK(ansi_to_html("unfinished \x1b[31") == "unfinished ");
  CHECK(ansi_to_html("lone \x1b") == "lone ");
}

TEST_CASE("parsing keeps the plain text and styled byte ranges", "[report]") {
  const StyledText styled = parse_ansi("ab\x1b[31mcd\x1b[31mef\x1b[0mgh");
  CHECK(styled.plain == "abcdefgh");
  REQUIRE(styled.runs.size() == 1); // the same style twice is one run
  CHECK(styled.runs[0].range.begin == 2);
  CHECK(styled.runs[0].range.end == 6);
}

TEST_CASE("marks and styles combine, cut to the requested range", "[report]") {
  const StyledText styled = parse_ansi("ab\x1b[31mcdef\x1b[0mgh");
  CHECK(styled_html(styled, {1, 7}, {{3, 7}}) ==
        "b<span class=\"ansi-fg-1\">c</span><mark><span class=\"ansi-fg-1\">def</span></mark>"
        "<mark>g</mark>");
  CHECK(styled_html(styled, {0, 2}) == "ab");
}
