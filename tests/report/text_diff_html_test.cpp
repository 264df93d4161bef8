#include "report/text_diff_html.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_CASE("equal lines are rows of their own and a changed line marks its characters", "[report]") {
  const std::string html = text_diff_html("a\nvalue 41\nz\n", "a\nvalue 42\nz\n");
  CHECK(count(html, "<tr class=\"same\">") == 2);
  CHECK(count(html, "<tr class=\"changed\">") == 1);
  CHECK(html.find("<td class=\"old\">value 4<mark>1</mark></td>"
                  "<td class=\"new\">value 4<mark>2</mark></td>") != std::string::npos);
}

TEST_CASE("lines only on one side are removed or added rows with an empty partner", "[report]") {
  const std::string html = text_diff_html("a\nb\nc\n", "a\nc\nd\ne\n");
  CHECK(count(html, "<tr class=\"removed\">") == 1);
  CHECK(count(html, "<tr class=\"added\">") == 2);
  CHECK(html.find("<td class=\"old\">b</td><td class=\"new empty\"></td>") != std::string::npos);
}

TEST_CASE("marks never split a multi-byte character", "[report]") {
  const std::string html = text_diff_html("π=3.14\n", "π≈3.14\n");
  CHECK(html.find("π<mark>=</mark>3.14") != std::string::npos);
  CHECK(html.find("π<mark>≈</mark>3.14") != std::string::npos);
}

TEST_CASE("colours are rendered and the diff ignores them", "[report]") {
  const std::string html =
      text_diff_html("\x1b[31mValueError\x1b[0m: bad\n", "\x1b[32mValueError\x1b[0m: bad\n");
  CHECK(count(html, "<tr class=\"same\">") == 1);
  CHECK(html.find("<span class=\"ansi-fg-1\">ValueError</span>: bad") != std::string::npos);
  CHECK(html.find("<span class=\"ansi-fg-2\">ValueError</span>: bad") != std::string::npos);
}

TEST_CASE("markup in either text is escaped", "[report]") {
  const std::string html = text_diff_html("</script>\n", "<script>alert(1)</script>\n");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("</script") == std::string::npos);
}
