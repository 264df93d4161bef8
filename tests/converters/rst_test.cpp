#include "converted_cells.hpp"
#include "converters/rst.hpp"

using namespace docnb;
using namespace docnb::converters;
using namespace docnb::converters::testing;

namespace {

Converted read(const std::string& text, const std::string& path = "page.rst") {
  return converted_or_fail(read_rst(text, path));
}

} // namespace

TEST_CASE("rst: code-block python with options and exact lines", "[converters][rst]") {
  const Converted page = read("Title\n"                   // 1
                              "=====\n"                   // 2
                              "\n"                        // 3
                              ".. code-block:: python\n"  // 4
                              "   :caption: An example\n" // 5
                              "\n"                        // 6
                              "   x = 1\n"                // 7
                              "   if x:\n"                // 8
                              "       print(x)\n"         // 9
                              "\n"                        // 10
                              "After.\n");                // 11
  CHECK(page.kind == SourceKind::rst);
  CHECK(cell_types(page) == std::vector<std::string>{"raw", "code", "raw"});
  const Json& cells = page.notebook.cells();
  CHECK(source_of(cells[0]) == "Title\n=====");
  CHECK(cells[0].at("metadata") == Json{{"raw_mimetype", "text/restructuredtext"}});
  CHECK(source_of(cells[1]) == "x = 1\nif x:\n    print(x)");
  CHECK(cells[1].at("metadata") ==
        Json{{"docnb", {{"line", 7}, {"last_line", 9}, {"example", "page.rst:7"}}}});
  CHECK(source_of(cells[2]) == "After.");
  CHECK(page.warnings.empty());
}

TEST_CASE("rst: code and sourcecode directives and languages", "[converters][rst]") {
  CHECK(code_cells(read(".. code:: python\n\n   a = 1\n")).size() == 1);
  CHECK(code_cells(read(".. sourcecode:: python3\n\n   a = 1\n")).size() == 1);
  CHECK(code_cells(read(".. code-block:: ipython3\n\n   a = 1\n")).size() == 1);
  CHECK(code_cells(read(".. code-block:: bash\n\n   ls\n")).empty());
  CHECK(code_cells(read(".. code-block::\n\n   ls\n")).empty());
  // The body of a block that is not run is not searched for examples.
  CHECK(code_cells(read(".. code-block:: text\n\n   >>> 1\n   1\n")).empty());
}

TEST_CASE("rst: a pycon code-block splits into parts", "[converters][rst]") {
  const Converted page = read(".. code-block:: pycon\n" // 1
                              "\n"                      // 2
                              "    >>> a = [1, 2]\n"    // 3
                              "    >>> len(a)\n"        // 4
                              "    2\n"                 // 5
                              "    >>> print('x')\n"    // 6
                              "    x\n");               // 7
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 2);
  CHECK(source_of(cells[0]) == "a = [1, 2]\nlen(a)");
  CHECK(docnb_of(cells[0]) == Json{{"line", 3},
                                   {"last_line", 4},
                                   {"example", "page.rst:3"},
                                   {"session", true},
                                   {"want", "2\n"},
                                   {"want_line", 5},
                                   {"want_last_line", 5}});
  CHECK(source_of(cells[1]) == "print('x')");
  CHECK(docnb_of(cells[1]).at("want") == "x\n");
}

TEST_CASE("rst: the doctest directive with options", "[converters][rst]") {
  const Converted page = read(".. doctest:: group1\n"                 // 1
                              "   :skipif: sys.platform == 'win32'\n" // 2
                              "   :options: +NORMALIZE_WHITESPACE\n"  // 3
                              "   :hide:\n"                           // 4
                              "\n"                                    // 5
                              "   >>> print(1,  2)\n"                 // 6
                              "   1 2\n");                            // 7
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(cells[0].at("metadata") == Json{{"docnb",
                                         {{"line", 6},
                                          {"last_line", 6},
                                          {"example", "page.rst:6"},
                                          {"session", true},
                                          {"want", "1 2\n"},
                                          {"want_line", 7},
                                          {"want_last_line", 7},
                                          {"skipif", "sys.platform == 'win32'"},
                                          {"options", "+NORMALIZE_WHITESPACE"}}},
                                        {"nbsphinx", "hidden"}});
}

TEST_CASE("rst: testcode takes the next testoutput as its want", "[converters][rst]") {
  const Converted page = read(".. testcode::\n"          // 1
                              "\n"                       // 2
                              "   print('hello')\n"      // 3
                              "   print('world')\n"      // 4
                              "\n"                       // 5
                              "Some words in between.\n" // 6
                              "\n"                       // 7
                              ".. testoutput::\n"        // 8
                              "   :options: +ELLIPSIS\n" // 9
                              "\n"                       // 10
                              "   hello\n"               // 11
                              "   wor...\n"              // 12
                              "\n"                       // 13
                              ".. testcode::\n"          // 14
                              "   :options: -ELLIPSIS\n" // 15
                              "\n"                       // 16
                              "   x = 1\n"               // 17
                              "\n"                       // 18
                              ".. testoutput::\n"        // 19
                              "   :options: +SKIP\n"     // 20
                              "\n"                       // 21
                              "   nothing\n");           // 22
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 2);
  CHECK(source_of(cells[0]) == "print('hello')\nprint('world')");
  CHECK(docnb_of(cells[0]) == Json{{"line", 3},
                                   {"last_line", 4},
                                   {"example", "page.rst:3"},
                                   {"want", "hello\nwor...\n"},
                                   {"want_line", 11},
                                   {"want_last_line", 12},
                                   {"options", "+ELLIPSIS"}});
  CHECK(docnb_of(cells[1]).at("options") == "-ELLIPSIS, +SKIP");
  CHECK(docnb_of(cells[1]).at("want") == "nothing\n");
  CHECK(cell_types(page) == std::vector<std::string>{"code", "raw", "code"});
  CHECK(page.warnings.empty());
}

TEST_CASE("rst: a testoutput without testcode warns", "[converters][rst]") {
  const Converted page = read("Text.\n\n.. testoutput::\n\n   1\n");
  CHECK(code_cells(page).empty());
  CHECK(page.warnings ==
        std::vector<std::string>{"page.rst:3: testoutput without a testcode before it is not "
                                 "checked"});
}

TEST_CASE("rst: testsetup and testcleanup are hidden and placed first and last",
          "[converters][rst]") {
  const Converted page = read("Intro.\n"           // 1
                              "\n"                 // 2
                              ".. testcleanup::\n" // 3
                              "\n"                 // 4
                              "   del x\n"         // 5
                              "\n"                 // 6
                              ".. testcode::\n"    // 7
                              "\n"                 // 8
                              "   print(x)\n"      // 9
                              "\n"                 // 10
                              ".. testsetup:: *\n" // 11
                              "\n"                 // 12
                              "   x = 5\n");       // 13
  REQUIRE(cell_types(page) == std::vector<std::string>{"code", "raw", "code", "code"});
  const Json& cells = page.notebook.cells();
  CHECK(source_of(cells[0]) == "x = 5");
  CHECK(cells[0].at("metadata") ==
        Json{{"docnb",
              {{"line", 13}, {"last_line", 13}, {"example", "page.rst:13"}, {"role", "setup"}}},
             {"nbsphinx", "hidden"}});
  CHECK(source_of(cells[2]) == "print(x)");
  CHECK(source_of(cells[3]) == "del x");
  CHECK(docnb_of(cells[3]).at("role") == "cleanup");
  CHECK(docnb_of(cells[3]).at("line") == 5);
}

TEST_CASE("rst: literal blocks count only when they start with >>>", "[converters][rst]") {
  const Converted page = read("Run it::\n"      // 1
                              "\n"              // 2
                              "    >>> 2 + 2\n" // 3
                              "    4\n"         // 4
                              "\n"              // 5
                              "Shell::\n"       // 6
                              "\n"              // 7
                              "    $ ls\n"      // 8
                              "    >>> no\n"    // 9
                              "\n"              // 10
                              "::\n"            // 11
                              "\n"              // 12
                              "  >>> 3\n"       // 13
                              "  3\n");         // 14
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 2);
  CHECK(source_of(cells[0]) == "2 + 2");
  CHECK(docnb_of(cells[0]).at("line") == 3);
  CHECK(docnb_of(cells[0]).at("want") == "4\n");
  CHECK(docnb_of(cells[0]).at("want_line") == 4);
  CHECK(source_of(cells[1]) == "3");
  CHECK(docnb_of(cells[1]).at("line") == 13);
  CHECK(source_of(page.notebook.cells()[0]) == "Run it::");
}

TEST_CASE("rst: a doctest block (a paragraph of >>>) is an example", "[converters][rst]") {
  const Converted page = read("Text.\n\n>>> 1 + 1\n2\n\nMore text.\n");
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(docnb_of(cells[0]) == Json{{"line", 3},
                                   {"last_line", 3},
                                   {"example", "page.rst:3"},
                                   {"session", true},
                                   {"want", "2\n"},
                                   {"want_line", 4},
                                   {"want_last_line", 4}});
  CHECK(cell_types(page) == std::vector<std::string>{"raw", "code", "raw"});
}

TEST_CASE("rst: examples inside other directives are found", "[converters][rst]") {
  const Converted page = read(".. note::\n"                 // 1
                              "\n"                          // 2
                              "   .. code-block:: python\n" // 3
                              "\n"                          // 4
                              "      y = 2\n");             // 5
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(source_of(cells[0]) == "y = 2");
  CHECK(docnb_of(cells[0]).at("line") == 5);
}

TEST_CASE("rst: comments are not searched", "[converters][rst]") {
  CHECK(code_cells(read("..\n   >>> 1\n   1\n\n.. a comment\n   >>> 2\n")).empty());
}

TEST_CASE("rst: a missing colon or a misspelt directive warns", "[converters][rst]") {
  const Converted page = read(".. code-block: python\n" // 1
                              "\n"                      // 2
                              "   x = 1\n"              // 3
                              "\n"                      // 4
                              ".. testcod::\n"          // 5
                              "\n"                      // 6
                              "   y = 2\n"              // 7
                              "\n"                      // 8
                              ".. note::\n"             // 9
                              "\n"                      // 10
                              "   fine\n");             // 11
  CHECK(code_cells(page).empty());
  CHECK(page.warnings == std::vector<std::string>{
                             "page.rst:1: `.. code-block:` is a comment; did you mean `.. "
                             "code-block::`?",
                             "page.rst:5: unknown directive `testcod`; did you mean `testcode`?"});
}

TEST_CASE("rst: CRLF, BOM and tabs keep line numbers", "[converters][rst]") {
  const Converted page = read("\xEF\xBB\xBFT\r\n\r\n.. code-block:: python\r\n\r\n\tx = 1\r\n"
                              "\tif x:\r\n\t    y = 2\r\n");
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 1);
  CHECK(source_of(cells[0]) == "x = 1\nif x:\n    y = 2");
  CHECK(docnb_of(cells[0]).at("line") == 5);
  CHECK(docnb_of(cells[0]).at("last_line") == 7);
}

TEST_CASE("rst: bytes that are not UTF-8 are an error with file and line", "[converters][rst]") {
  const Result<Converted> result = read_rst("T\n\n\xC3\x28\n", "bad.rst");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().describe() ==
        "bad.rst:3: not UTF-8: byte 0xC3 at column 1 (save the file as UTF-8)");
}

TEST_CASE("rst: an empty directive body gives no cell", "[converters][rst]") {
  const Converted page = read(".. code-block:: python\n\nText.\n");
  CHECK(code_cells(page).empty());
  // Nothing was taken out, so the page text stays whole.
  CHECK(source_of(page.notebook.cells().at(0)) == ".. code-block:: python\n\nText.");
}

TEST_CASE("rst: every skip comment skips the next example", "[converters][rst]") {
  for (const std::string marker : {".. docnb: skip", ".. skip: next", "..  Skip:Next"}) {
    INFO(marker);
    const Converted page = read("Intro.\n\n" + marker +
                                "\n\n.. code-block:: python\n\n   boom()\n\n"
                                ">>> fine()\n\n"
                                ".. code-block:: python\n\n   ok()\n");
    const std::vector<Json> cells = code_cells(page);
    REQUIRE(cells.size() == 3);
    CHECK(docnb_of(cells[0]).at("skip") == marker);
    CHECK_FALSE(docnb_of(cells[1]).contains("skip"));
    CHECK_FALSE(docnb_of(cells[2]).contains("skip"));
    // The comment is for docnb: it is not in the text cells nbsphinx renders.
    for (const Json& cell : cells_of_type(page, "raw"))
      CHECK(source_of(cell).find("skip") == std::string::npos);
    CHECK(page.warnings.empty());
  }
}

TEST_CASE("rst: a skip comment skips every part of a doctest block and of a session",
          "[converters][rst]") {
  const Converted page = read(".. skip: next\n\n>>> print(1)\n1\n>>> boom()\n\n"
                              ".. docnb: skip\n\n.. doctest::\n\n   >>> print(2)\n   2\n"
                              "   >>> more()\n\n>>> runs()\n");
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 5);
  for (std::size_t k = 0; k < 2; ++k)
    CHECK(docnb_of(cells[k]).at("skip") == ".. skip: next");
  for (std::size_t k = 2; k < 4; ++k)
    CHECK(docnb_of(cells[k]).at("skip") == ".. docnb: skip");
  CHECK_FALSE(docnb_of(cells[4]).contains("skip"));
}

TEST_CASE("rst: skip start and end skip every example between", "[converters][rst]") {
  const Converted page = read(".. skip: start\n\n"
                              ".. code-block:: python\n\n   a()\n\n"
                              "Text.\n\n>>> b()\n\n"
                              ".. skip: end\n\n"
                              ".. testcode::\n\n   c()\n");
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 3);
  CHECK(docnb_of(cells[0]).at("skip") == ".. skip: start");
  CHECK(docnb_of(cells[1]).at("skip") == ".. skip: start");
  CHECK_FALSE(docnb_of(cells[2]).contains("skip"));
  CHECK(page.warnings.empty());
}

TEST_CASE("rst: a skip comment passes over setup code to the next example", "[converters][rst]") {
  const Converted page =
      read(".. skip: next\n\n.. testsetup::\n\n   import os\n\n.. testcode::\n\n   boom()\n");
  const std::vector<Json> cells = code_cells(page);
  REQUIRE(cells.size() == 2);
  CHECK_FALSE(docnb_of(cells[0]).contains("skip")); // the setup, placed first
  CHECK(docnb_of(cells[1]).at("skip") == ".. skip: next");
}

TEST_CASE("rst: misspelt skip comments warn with file and line; others are left alone",
          "[converters][rst]") {
  const Converted page = read(".. docnb: skp\n"                   // 1
                              "\n"                                // 2
                              ">>> x = 1\n"                       // 3
                              "\n"                                // 4
                              ".. skip: nxt\n"                    // 5
                              ".. skip: strat\n"                  // 6
                              ".. docnb: run-everything\n"        // 7
                              ".. an ordinary comment\n"          // 8
                              ".. _target: https://example.org\n" // 9
                              ".. skip: next\n");                 // 10
  CHECK(page.warnings ==
        std::vector<std::string>{
            "page.rst:1: unknown marker .. docnb: skp; did you mean .. docnb: skip?",
            "page.rst:5: unknown marker .. skip: nxt; did you mean .. skip: next?",
            "page.rst:6: unknown marker .. skip: strat; did you mean .. skip: start?",
            "page.rst:7: unknown marker .. docnb: run-everything; did you mean .. docnb: skip?",
            "page.rst:10: .. skip: next is not followed by code"});
  // A misspelt marker does not skip.
  CHECK_FALSE(docnb_of(code_cells(page).at(0)).contains("skip"));
}
