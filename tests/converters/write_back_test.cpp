#include "converted_cells.hpp"
#include "converters/markdown.hpp"
#include "converters/rst.hpp"
#include "converters/source.hpp"

using namespace docnb;
using namespace docnb::converters;
using namespace docnb::converters::testing;

namespace {

// The text write_back gives when the n-th code cell printed printed[n] (nullopt: not rewritten).
std::string written(const Converted& converted,
                    const std::vector<std::optional<std::string>>& printed) {
  std::vector<FreshOutput> fresh;
  std::size_t code = 0;
  const Json& cells = converted.notebook.cells();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].at("cell_type") != "code") continue;
    if (code < printed.size() && printed[code]) fresh.push_back({i, *printed[code]});
    ++code;
  }
  Result<WriteBack> back = write_back(converted, fresh);
  if (!back) FAIL(back.error().describe());
  return back->text;
}

std::string markdown(const std::string& text,
                     const std::vector<std::optional<std::string>>& printed) {
  return written(converted_or_fail(read_markdown(text, "page.md")), printed);
}

std::string rst(const std::string& text, const std::vector<std::optional<std::string>>& printed) {
  return written(converted_or_fail(read_rst(text, "page.rst")), printed);
}

} // namespace

TEST_CASE("write_back: a Markdown output fence takes the new output", "[converters][write_back]") {
  CHECK(markdown("# T\n\n```python\nprint(2)\n```\n\n```output\n1\n```\ntail\n", {"2\n"}) ==
        "# T\n\n```python\nprint(2)\n```\n\n```output\n2\n```\ntail\n");
  // An empty output fence is filled in.
  CHECK(markdown("```python\nprint(2)\n```\n\n```output\n```\n", {"2\nthree\n"}) ==
        "```python\nprint(2)\n```\n\n```output\n2\nthree\n```\n");
  // A cell not in the fresh list keeps its want.
  CHECK(markdown("```python\nprint(2)\n```\n\n```output\n1\n```\n", {std::nullopt}) ==
        "```python\nprint(2)\n```\n\n```output\n1\n```\n");
}

TEST_CASE("write_back: an output fence is inserted after a want-less python fence",
          "[converters][write_back]") {
  CHECK(markdown("```python\nprint(1)\n```\nText\n", {"1\n"}) ==
        "```python\nprint(1)\n```\n\n```output\n1\n```\nText\n");
  // Inside a list item, in the fence's indentation.
  CHECK(markdown("- item\n\n  ```python\n  print(1)\n  ```\n", {"1\n"}) ==
        "- item\n\n  ```python\n  print(1)\n  ```\n\n  ```output\n  1\n  ```\n");
  // Nothing printed, nothing inserted; a pycon part without a want gets none.
  CHECK(markdown("```python\nx = 1\n```\n", {""}) == "```python\nx = 1\n```\n");
  CHECK(markdown("```pycon\n>>> x = 1\n```\n", {"1\n"}) == "```pycon\n>>> x = 1\n```\n");
}

TEST_CASE("write_back: an output fence goes when nothing is printed", "[converters][write_back]") {
  CHECK(markdown("```python\nx = 1\n```\n\n```output\n1\n```\n\nNext\n", {""}) ==
        "```python\nx = 1\n```\n\nNext\n");
}

TEST_CASE("write_back: a phmdoctest bare fence is rewritten in place", "[converters][write_back]") {
  CHECK(markdown("```py\nprint(3)\n```\n\n```\n1\n```\n", {"3\n"}) ==
        "```py\nprint(3)\n```\n\n```\n3\n```\n");
}

TEST_CASE("write_back: pycon wants keep the prompt's indentation", "[converters][write_back]") {
  CHECK(markdown("```pycon\n>>> 1 + 1\n3\n>>> print('a')\na\n```\n", {"2\n", std::nullopt}) ==
        "```pycon\n>>> 1 + 1\n2\n>>> print('a')\na\n```\n");
  CHECK(rst("Text::\n\n    >>> print('a\\n\\nb')\n    x\n", {"a\n\nb\n"}) ==
        "Text::\n\n    >>> print('a\\n\\nb')\n    a\n    <BLANKLINE>\n    b\n");
  // A part that now prints nothing loses its want lines.
  CHECK(markdown("```pycon\n>>> x = 1\n1\n```\n", {""}) == "```pycon\n>>> x = 1\n```\n");
}

TEST_CASE("write_back: rst testoutput bodies keep the block's indentation",
          "[converters][write_back]") {
  const std::string page = ".. testcode::\n\n   print(2)\n\n.. testoutput::\n\n   1\n\nEnd\n";
  CHECK(rst(page, {"2\n"}) == ".. testcode::\n\n   print(2)\n\n.. testoutput::\n\n   2\n\nEnd\n");
  CHECK(rst("  .. testcode::\n\n     print(2)\n\n  .. testoutput::\n     :options: +ELLIPSIS\n",
            {"2\n"}) == "  .. testcode::\n\n     print(2)\n\n  .. testoutput::\n     :options: "
                        "+ELLIPSIS\n\n     2\n");
  CHECK(rst(".. code-block:: pycon\n\n   >>> 1\n   2\n", {"1\n"}) ==
        ".. code-block:: pycon\n\n   >>> 1\n   1\n");
}

TEST_CASE("write_back: CRLF line endings are kept", "[converters][write_back]") {
  CHECK(markdown("```python\r\nprint(2)\r\n```\r\n\r\n```output\r\n1\r\n```\r\n", {"2\n"}) ==
        "```python\r\nprint(2)\r\n```\r\n\r\n```output\r\n2\r\n```\r\n");
  CHECK(markdown("```python\r\nprint(2)\r\n```\r\n", {"2\n"}) ==
        "```python\r\nprint(2)\r\n```\r\n\r\n```output\r\n2\r\n```\r\n");
  CHECK(rst(".. testcode::\r\n\r\n   print(2)\r\n\r\n.. testoutput::\r\n\r\n   1\r\n", {"2\n"}) ==
        ".. testcode::\r\n\r\n   print(2)\r\n\r\n.. testoutput::\r\n\r\n   2\r\n");
}

TEST_CASE("write_back: scripts hold no wants to write back", "[converters][write_back]") {
  Converted converted;
  converted.kind = SourceKind::percent;
  converted.notebook.path = "s.py";
  const Result<WriteBack> written = write_back(converted, {});
  REQUIRE_FALSE(written.ok());
  CHECK(written.error().message == "percent sources hold no expected outputs to write back");
}

TEST_CASE("write_back: an output fence grows when the output holds a fence line",
          "[converters][write_back]") {
  CHECK(markdown("```python\nprint(s)\n```\n\n```output\nold\n```\nafter\n", {"```\nafter\n"}) ==
        "```python\nprint(s)\n```\n\n````output\n```\nafter\n````\nafter\n");
}

TEST_CASE("write_back: a pycon output line that reads as a prompt is not written",
          "[converters][write_back]") {
  const Converted page =
      converted_or_fail(read_markdown("```pycon\n>>> print('>>> x')\nold\n```\n", "page.md"));
  std::vector<FreshOutput> fresh;
  for (std::size_t i = 0; i < page.notebook.cells().size(); ++i) {
    if (page.notebook.cells()[i].at("cell_type") == "code") fresh.push_back({i, ">>> x\n"});
  }
  Result<WriteBack> back = write_back(page, fresh);
  REQUIRE(back.ok());
  CHECK(back->text == page.original);
  REQUIRE(back->not_written.size() == 1);
  CHECK_THAT(back->not_written[0], Catch::StartsWith("page.md:3: not written back: "));
}

TEST_CASE("write_back: MyST testoutput and doctest wants", "[converters][write_back]") {
  // The output goes after the options; a testoutput stays even when nothing is printed.
  CHECK(markdown("```{testcode}\nprint(2)\n```\n\n```{testoutput}\n:options: +ELLIPSIS\n1\n```\n",
                 {"2\n"}) ==
        "```{testcode}\nprint(2)\n```\n\n```{testoutput}\n:options: +ELLIPSIS\n2\n```\n");
  CHECK(markdown("```{testcode}\npass\n```\n\n```{testoutput}\n:options: +ELLIPSIS\n1\n```\n",
                 {""}) ==
        "```{testcode}\npass\n```\n\n```{testoutput}\n:options: +ELLIPSIS\n```\n");
  CHECK(markdown("```{testcode}\nprint(2)\n```\n\n```{testoutput}\n:hide:\n```\n", {"2\n"}) ==
        "```{testcode}\nprint(2)\n```\n\n```{testoutput}\n:hide:\n2\n```\n");
  CHECK(markdown("```{doctest}\n>>> 1 + 1\n3\n```\n", {"2\n"}) ==
        "```{doctest}\n>>> 1 + 1\n2\n```\n");
  // A session in a python fence takes no output fence after it, as a pycon fence takes none.
  CHECK(markdown("```python\n>>> print(1)\n```\n", {"1\n"}) == "```python\n>>> print(1)\n```\n");
}
