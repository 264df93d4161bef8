#include "converted_cells.hpp"
#include "converters/markdown.hpp"

#include <cmark.h>
#include <cstdlib>
#include <memory>

using namespace docnb;
using namespace docnb::converters;
using namespace docnb::converters::testing;

namespace {

Converted read(const std::string& text, const std::string& path = "page.md") {
  return converted_or_fail(read_markdown(text, path));
}

} // namespace

TEST_CASE("markdown: a python fence and its output fence", "[converters][markdown]") {
  const Converted page = read("# Title\n"       // 1
                              "\n"              // 2
                              "```python\n"     // 3
                              "x = 2\n"         // 4
                              "print(x * 21)\n" // 5
                              "```\n"           // 6
                              "\n"              // 7
                              "```output\n"     // 8
                              "42\n"            // 9
                              "```\n"           // 10
                              "\n"              // 11
                              "After.\n");      // 12
  CHECK(page.kind == SourceKind::markdown);
  CHECK(cell_types(page) == std::vector<std::string>{"markdown", "code", "markdown"});
  const Json& cells = page.notebook.cells();
  CHECK(source_of(cells[0]) == "# Title");
  CHECK(source_of(cells[1]) == "x = 2\nprint(x * 21)");
  CHECK(source_of(cells[2]) == "After.");
  CHECK(docnb_of(cells[1]) == Json{{"line", 4},
                                   {"last_line", 5},
                                   {"example", "page.md:4"},
                                   {"want", "42\n"},
                                   {"want_line", 9},
                                   {"want_last_line", 9}});
  CHECK(page.warnings.empty());
  CHECK(page.notebook.path == "page.md");
  CHECK(page.notebook.document.at("metadata").at("kernelspec").at("name") == "python3");
  CHECK(page.notebook.document.at("nbformat_minor") == 5);
  CHECK(cells[1].at("id") == "cell-0001");
}

TEST_CASE("markdown: runnable info strings", "[converters][markdown]") {
  for (const std::string info :
       {"python", "py", "python3", "ipython3", "Python", "python title=x"}) {
    const Converted page = read("```" + info + "\n1 + 1\n```\n");
    INFO(info);
    REQUIRE(code_cells(page).size() == 1);
    CHECK(source_of(code_cells(page)[0]) == "1 + 1");
  }
  for (const std::string info : {"", "sh", "pythonic", "output", "text", "{code-cell} r"}) {
    INFO(info);
    CHECK(code_cells(read("```" + info + "\n1 + 1\n```\n")).empty());
  }
}

TEST_CASE("markdown: an output fence needs only blank lines before it", "[converters][markdown]") {
  const Converted page = read("```python\n"     // 1
                              "print(1)\n"      // 2
                              "```\n"           // 3
                              "Text between.\n" // 4
                              "```output\n"     // 5
                              "1\n"             // 6
                              "```\n");         // 7
  REQUIRE(code_cells(page).size() == 1);
  CHECK_FALSE(docnb_of(code_cells(page)[0]).contains("want"));
  CHECK(source_of(page.notebook.cells()[1]) == "Text between.\n```output\n1\n```");
}

TEST_CASE("markdown: an empty output fence expects no output", "[converters][markdown]") {
  const Converted page = read("```python\nx = 1\n```\n\n```output\n```\n");
  const Json meta = docnb_of(code_cells(page).at(0));
  CHECK(meta.at("want") == "");
  CHECK(meta.at("want_line") == 6);
  CHECK(meta.at("want_last_line") == 5);
}

TEST_CASE("markdown: phmdoctest's bare fence after python is the want", "[converters][markdown]") {
  const Converted page = read("```python\n"   // 1
                              "print('hi')\n" // 2
                              "```\n"         // 3
                              "\n"            // 4
                              "\n"            // 5
                              "```\n"         // 6
                              "hi\n"          // 7
                              "there\n"       // 8
                              "```\n");       // 9
  REQUIRE(cell_types(page) == std::vector<std::string>{"code"});
  const Json meta = docnb_of(code_cells(page)[0]);
  CHECK(meta.at("want") == "hi\nthere\n");
  CHECK(meta.at("want_line") == 7);
  CHECK(meta.at("want_last_line") == 8);
}

TEST_CASE("markdown: a bare fence after pycon or after text is not a want",
          "[converters][markdown]") {
  const Converted page = read("```pycon\n>>> 1\n1\n```\n\n```\nplain\n```\n");
  REQUIRE(code_cells(page).size() == 1);
  CHECK(docnb_of(code_cells(page)[0]).at("want") == "1\n");
  CHECK(cell_types(page) == std::vector<std::string>{"code", "markdown"});
  CHECK(code_cells(read("Text.\n\n```\nplain\n```\n")).empty());
}

TEST_CASE("markdown: an output fence after pycon stays on the page, with a warning",
          "[converters][markdown]") {
  const Converted page = read("```pycon\n>>> print(1)\n1\n```\n\n```output\n999\n```\n");
  REQUIRE(code_cells(page).size() == 1);
  CHECK(docnb_of(code_cells(page)[0]).at("want") == "1\n");
  CHECK(cell_types(page) == std::vector<std::string>{"code", "markdown"});
  REQUIRE(page.warnings.size() == 1);
  CHECK_THAT(page.warnings[0], Catch::Contains(":6: an output fence after a >>> session"));
}

TEST_CASE("markdown: a pycon session becomes one cell per part", "[converters][markdown]") {
  const Converted page = read("```pycon\n"               // 1
                              ">>> a = 1\n"              // 2
                              ">>> b = 2\n"              // 3
                              ">>> a + b\n"              // 4
                              "3\n"                      // 5
                              ">>> for i in range(2):\n" // 6
                              "...     print(i)\n"       // 7
                              "...\n"                    // 8
                              "0\n"                      // 9
                              "1\n"                      // 10
                              ">>> d = {\n"              // 11
                              "...     'k': 1,\n"        // 12
                              "... }\n"                  // 13
                              ">>> d\n"                  // 14
                              "{'k': 1}\n"               // 15
                              "```\n");                  // 16
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 3);
  CHECK(source_of(cells[0]) == "a = 1\nb = 2\na + b");
  CHECK(docnb_of(cells[0]) == Json{{"line", 2},
                                   {"last_line", 4},
                                   {"example", "page.md:2"},
                                   {"session", true},
                                   {"want", "3\n"},
                                   {"want_line", 5},
                                   {"want_last_line", 5}});
  CHECK(source_of(cells[1]) == "for i in range(2):\n    print(i)\n");
  CHECK(docnb_of(cells[1]).at("line") == 6);
  CHECK(docnb_of(cells[1]).at("last_line") == 8);
  CHECK(docnb_of(cells[1]).at("want") == "0\n1\n");
  CHECK(docnb_of(cells[1]).at("want_line") == 9);
  CHECK(docnb_of(cells[1]).at("want_last_line") == 10);
  CHECK(source_of(cells[2]) == "d = {\n    'k': 1,\n}\nd");
  CHECK(docnb_of(cells[2]).at("line") == 11);
  CHECK(docnb_of(cells[2]).at("last_line") == 14);
  CHECK(docnb_of(cells[2]).at("want") == "{'k': 1}\n");
}

TEST_CASE("markdown: a pycon statement without output passes on no error",
          "[converters][markdown]") {
  const Converted page = read("```pycon\n>>> import os\n```\n");
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(docnb_of(cells[0]) ==
        Json{{"line", 2}, {"last_line", 2}, {"example", "page.md:2"}, {"session", true}});
}

TEST_CASE("markdown: MyST code-cell options give tags", "[converters][markdown]") {
  const Converted colon = read("```{code-cell} ipython3\n"               // 1
                               ":tags: [hide-input, raises-exception]\n" // 2
                               "\n"                                      // 3
                               "1 / 0\n"                                 // 4
                               "```\n");
  REQUIRE(code_cells(colon).size() == 1);
  const Json cell = code_cells(colon)[0];
  CHECK(source_of(cell) == "1 / 0");
  CHECK(cell.at("metadata").at("tags") == Json{"hide-input", "raises-exception"});
  CHECK(docnb_of(cell).at("line") == 4);

  const Converted yaml = read("```{code-cell}\n"   // 1
                              "---\n"              // 2
                              "tags:\n"            // 3
                              "- skip-execution\n" // 4
                              "---\n"              // 5
                              "x = 1\n"            // 6
                              "```\n");
  const Json yaml_cell = code_cells(yaml).at(0);
  CHECK(source_of(yaml_cell) == "x = 1");
  CHECK(yaml_cell.at("metadata").at("tags") == Json{"skip-execution"});
  CHECK(docnb_of(yaml_cell).at("line") == 6);

  const Converted inline_yaml = read("```{code-cell} python3\n---\ntags: [a, 'b']\n---\ny\n```\n");
  CHECK(code_cells(inline_yaml).at(0).at("metadata").at("tags") == Json{"a", "b"});
}

TEST_CASE("markdown: every skip spelling skips the next runnable fence", "[converters][markdown]") {
  for (const std::string marker :
       {"<!-- docnb: skip -->", "<!-- skip: next -->", "<!--phmdoctest-skip-->",
        "<!--pytest-codeblocks:skip-->", "<!--phmdoctest-mark.skip-->", "<!--pytest.mark.skip-->",
        "<!--docnb:skip-->"}) {
    INFO(marker);
    const Converted page =
        read("Intro.\n\n" + marker + "\n```python\nboom()\n```\n\n```python\nok()\n```\n");
    const std::vector<Json> cells = code_cells(page);
    REQUIRE(cells.size() == 2);
    CHECK(docnb_of(cells[0]).at("skip") == marker);
    CHECK_FALSE(docnb_of(cells[1]).contains("skip"));
    // The marker is for docnb: it does not show up as a markdown cell.
    CHECK(cell_types(page) == std::vector<std::string>{"markdown", "code", "code"});
    CHECK(page.warnings.empty());
  }
}

TEST_CASE("markdown: notest in the info string skips", "[converters][markdown]") {
  const Converted page = read("```python notest\nboom()\n```\n");
  CHECK(docnb_of(code_cells(page).at(0)).at("skip") == "notest");
}

TEST_CASE("markdown: a skip marker passes over other languages", "[converters][markdown]") {
  const Converted page =
      read("<!-- skip: next -->\n```sh\nls\n```\n\n```pycon\n>>> boom()\n>>> again()\n1\n```\n");
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(docnb_of(cells[0]).at("skip") == "<!-- skip: next -->");
}

TEST_CASE("markdown: skip start and end skip every fence between", "[converters][markdown]") {
  const Converted page = read("<!-- skip: start -->\n\n```python\na()\n```\n\n```python\nb()\n```\n"
                              "\n<!-- skip: end -->\n\n```python\nc()\n```\n");
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 3);
  CHECK(docnb_of(cells[0]).at("skip") == "<!-- skip: start -->");
  CHECK(docnb_of(cells[1]).at("skip") == "<!-- skip: start -->");
  CHECK_FALSE(docnb_of(cells[2]).contains("skip"));
}

TEST_CASE("markdown: a skip marker at the end warns", "[converters][markdown]") {
  const Converted page = read("Text.\n\n<!-- docnb: skip -->\n");
  CHECK(page.warnings ==
        std::vector<std::string>{"page.md:3: <!-- docnb: skip --> is not followed by code"});
}

TEST_CASE("markdown: misspelt markers warn with the nearest spelling", "[converters][markdown]") {
  const Converted page = read("<!-- docnb: skp -->\n"            // 1
                              "```python\nx = 1\n```\n"          // 2-4
                              "<!-- skip: nxt -->\n"             // 5
                              "<!--phmdoctest-skp-->\n"          // 6
                              "<!-- docnb: run-everything -->\n" // 7
                              "<!-- an ordinary comment -->\n"); // 8
  CHECK(page.warnings ==
        std::vector<std::string>{
            "page.md:1: unknown marker <!-- docnb: skp -->; did you mean <!-- docnb: skip -->?",
            "page.md:5: unknown marker <!-- skip: nxt -->; did you mean <!-- skip: next -->?",
            "page.md:6: unknown marker <!--phmdoctest-skp-->; did you mean "
            "<!--phmdoctest-skip-->?",
            "page.md:7: unknown marker <!-- docnb: run-everything -->; did you mean <!-- docnb: "
            "skip -->?"});
  // A misspelt marker does not skip.
  CHECK_FALSE(docnb_of(code_cells(page).at(0)).contains("skip"));
}

TEST_CASE("markdown: a misspelt invisible-code-block is a warning, not silently text",
          "[converters][markdown]") {
  const Converted page = read("Intro.\n\n<!-- invisible-code-block: pyhton\nd = 1\n-->\n");
  CHECK(code_cells(page).empty());
  REQUIRE(page.warnings.size() == 1);
  CHECK_THAT(page.warnings[0], Catch::Contains("page.md:3: unknown marker <!-- "
                                               "invisible-code-block: pyhton; did you mean <!-- "
                                               "invisible-code-block: python?"));
}

TEST_CASE("markdown: invisible code is a hidden setup cell in place", "[converters][markdown]") {
  const Converted page = read("Intro.\n"                            // 1
                              "\n"                                  // 2
                              "<!-- invisible-code-block: python\n" // 3
                              "import math\n"                       // 4
                              "base = 10\n"                         // 5
                              "-->\n"                               // 6
                              "\n"                                  // 7
                              "```python\nprint(base)\n```\n");     // 8-10
  REQUIRE(cell_types(page) == std::vector<std::string>{"markdown", "code", "code"});
  const Json setup = page.notebook.cells()[1];
  CHECK(source_of(setup) == "import math\nbase = 10");
  CHECK(
      setup.at("metadata") ==
      Json{{"docnb", {{"line", 4}, {"last_line", 5}, {"example", "page.md:4"}, {"role", "setup"}}},
           {"nbsphinx", "hidden"}});
  CHECK(source_of(page.notebook.cells()[0]) == "Intro.");
}

TEST_CASE("markdown: an unclosed fence runs to the end with a warning", "[converters][markdown]") {
  const Converted page = read("Text.\n\n```python\nx = 1\n\ny = 2\n");
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(source_of(cells[0]) == "x = 1\n\ny = 2");
  CHECK(docnb_of(cells[0]).at("line") == 4);
  CHECK(docnb_of(cells[0]).at("last_line") == 6);
  CHECK(page.warnings ==
        std::vector<std::string>{"page.md:3: code fence is not closed; it runs to the end of its "
                                 "container"});
}

TEST_CASE("markdown: an unclosed fence in a block quote ends with the quote",
          "[converters][markdown]") {
  const Converted page = read("> ```python\n> x = 1\n\nAfter.\n");
  REQUIRE(code_cells(page).size() == 1);
  CHECK(source_of(code_cells(page)[0]) == "x = 1");
  CHECK(page.warnings.size() == 1);
  CHECK(source_of(page.notebook.cells().back()) == "After.");
}

TEST_CASE("markdown: nested fences follow CommonMark", "[converters][markdown]") {
  const Converted page = read("````markdown\n" // 1
                              "```python\n"    // 2
                              "not_run()\n"    // 3
                              "```\n"          // 4
                              "````\n"         // 5
                              "\n"             // 6
                              "~~~python\n"    // 7
                              "```\n"          // 8
                              "run()\n"        // 9
                              "~~~\n");        // 10
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(source_of(cells[0]) == "```\nrun()");
  CHECK(docnb_of(cells[0]).at("line") == 8);
  CHECK(page.warnings.empty());
}

TEST_CASE("markdown: fences in lists keep their lines", "[converters][markdown]") {
  const Converted page = read("- step one:\n" // 1
                              "\n"            // 2
                              "  ```python\n" // 3
                              "  x = 1\n"     // 4
                              "  ```\n");     // 5
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(source_of(cells[0]) == "x = 1");
  CHECK(docnb_of(cells[0]).at("line") == 4);
}

TEST_CASE("markdown: an indented code block is not run", "[converters][markdown]") {
  CHECK(code_cells(read("Text.\n\n    python\n    x = 1\n")).empty());
}

TEST_CASE("markdown: indented paragraphs of footnotes and list items are no unclosed fence",
          "[converters][markdown]") {
  const std::string text = "Text[^1].\n"                                  // 1
                           "\n"                                           // 2
                           "[^1]: A footnote.\n"                          // 3
                           "\n"                                           // 4
                           "    Its indented continuation paragraph.\n"   // 5
                           "\n"                                           // 6
                           "- An item.\n"                                 // 7
                           "\n"                                           // 8
                           "    Its indented paragraph.\n"                // 9
                           "\n"                                           // 10
                           "- Another.\n"                                 // 11
                           "\n"                                           // 12
                           "        Indented deeper: code in the item.\n" // 13
                           "\n"                                           // 14
                           "  ```python\n"                                // 15
                           "  x = 1\n"                                    // 16
                           "  ```\n"                                      // 17
                           "\n"                                           // 18
                           "End of the list.\n"                           // 19
                           "\n"                                           // 20
                           "    ```python\n"                              // 21
                           "    not_a_fence()\n";                         // 22
  const Converted page = read(text);
  CHECK(page.warnings.empty());
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(source_of(cells[0]) == "x = 1");
  CHECK(docnb_of(cells[0]).at("line") == 16);
  // cmark's own reading of the page: one python fence, and the indented blocks are code
  // without a language (a reader sees them as preformatted text, never as an open fence).
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(text.data(), text.size(), CMARK_OPT_DEFAULT), &std::free);
  const std::string rendered = html.get();
  std::size_t fences = 0;
  for (std::size_t at = rendered.find("language-python"); at != std::string::npos;
       at = rendered.find("language-python", at + 1)) {
    ++fences;
  }
  CHECK(fences == 1);
  CHECK(rendered.find("<pre><code>Its indented continuation paragraph.") != std::string::npos);
  CHECK(rendered.find("<p>Its indented paragraph.</p>") != std::string::npos);
  CHECK(rendered.find("<pre><code>```python\nnot_a_fence()") != std::string::npos);
}

TEST_CASE("markdown: CRLF, BOM and tabs keep line numbers", "[converters][markdown]") {
  const Converted crlf = read("\xEF\xBB\xBFTitle\r\n\r\n```python\r\nx = 1\r\n```\r\n\r\n"
                              "```output\r\n1\r\n```\r\n");
  const Json meta = docnb_of(code_cells(crlf).at(0));
  CHECK(source_of(code_cells(crlf)[0]) == "x = 1");
  CHECK(meta.at("line") == 4);
  CHECK(meta.at("want") == "1\n");
  CHECK(meta.at("want_line") == 8);
  CHECK(source_of(crlf.notebook.cells()[0]) == "Title");

  const Converted tabs = read("\tindented text\n\n```python\nif True:\n\tx = 1\n```\n");
  CHECK(source_of(code_cells(tabs).at(0)) == "if True:\n\tx = 1");
  CHECK(docnb_of(code_cells(tabs)[0]).at("line") == 4);

  const Converted bare_cr = read("a\rb\r```python\rx\r```\r");
  CHECK(docnb_of(code_cells(bare_cr).at(0)).at("line") == 4);
}

TEST_CASE("markdown: bytes that are not UTF-8 are an error with file and line",
          "[converters][markdown]") {
  const Result<Converted> result = read_markdown("ok\n\n```python\nx = '\xff'\n```\n", "bad.md");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().where == "bad.md:4");
  CHECK(result.error().message == "not UTF-8: byte 0xFF at column 6 (save the file as UTF-8)");
}

TEST_CASE("markdown: original bytes are kept", "[converters][markdown]") {
  const std::string text = "\xEF\xBB\xBF# T\r\n";
  CHECK(read(text).original == text);
}

TEST_CASE("markdown: MyST front matter is the page's metadata, not a markdown cell",
          "[converters][markdown]") {
  const Converted page = read("---\n"                    // 1
                              "jupytext:\n"              // 2
                              "  text_representation:\n" // 3
                              "    format_name: myst\n"  // 4
                              "---\n"                    // 5
                              "# Title\n"                // 6
                              "\n"                       // 7
                              "```{code-cell}\n"         // 8
                              "x = 1\n"                  // 9
                              "```\n");
  REQUIRE(cell_types(page) == std::vector<std::string>{"markdown", "code"});
  CHECK(source_of(page.notebook.cells()[0]) == "# Title");
  CHECK(docnb_of(page.notebook.cells()[1]).at("line") == 9);
  CHECK(page.notebook.document["metadata"]["docnb"]["front_matter"] ==
        "jupytext:\n  text_representation:\n    format_name: myst");
}
