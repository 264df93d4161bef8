#include "converted_cells.hpp"
#include "converters/gallery.hpp"

using namespace docnb;
using namespace docnb::converters;
using namespace docnb::converters::testing;

namespace {

// A sphinx-gallery script: its docstring, a `# %%` block and a `####` block, lines numbered.
const std::string script_text = "#!/usr/bin/env python\n" // 1
                                "r\"\"\"\n"               // 2
                                "Title\n"                 // 3
                                "=====\n"                 // 4
                                "\n"                      // 5
                                "Intro.\n"                // 6
                                "\"\"\"\n"                // 7
                                "import math\n"           // 8
                                "\n"                      // 9
                                "x = 2\n"                 // 10
                                "\n"                      // 11
                                "# %%\n"                  // 12
                                "# Section\n"             // 13
                                "# -------\n"             // 14
                                "#\n"                     // 15
                                "# Text.\n"               // 16
                                "\n"                      // 17
                                "print(x)\n"              // 18
                                "#" +
                                std::string(40, '#') +
                                "\n"                   // 19
                                "# More text.\n"       // 20
                                "y = 3  # a comment\n" // 21
                                "# %%\n"               // 22
                                "z = 4\n";             // 23

} // namespace

TEST_CASE("gallery: docstring, text blocks and code cells", "[converters][gallery]") {
  const Converted script = converted_or_fail(read_gallery(script_text, "plot_a.py"));
  CHECK(script.kind == SourceKind::gallery);
  CHECK(cell_types(script) == std::vector<std::string>{"markdown", "code", "markdown", "code",
                                                       "markdown", "code", "code"});
  const Json& cells = script.notebook.cells();
  CHECK(source_of(cells[0]) == "Title\n=====\n\nIntro.");
  CHECK(source_of(cells[1]) == "import math\n\nx = 2");
  CHECK(docnb_of(cells[1]) == Json{{"line", 8}, {"last_line", 10}, {"example", "plot_a.py:8"}});
  CHECK(source_of(cells[2]) == "Section\n-------\n\nText.");
  CHECK(source_of(cells[3]) == "print(x)");
  CHECK(docnb_of(cells[3]).at("line") == 18);
  CHECK(source_of(cells[4]) == "More text.");
  CHECK(source_of(cells[5]) == "y = 3  # a comment");
  CHECK(docnb_of(cells[5]).at("line") == 21);
  CHECK(source_of(cells[6]) == "z = 4");
  CHECK(docnb_of(cells[6]).at("line") == 23);
}

TEST_CASE("gallery: a script without a docstring is all code", "[converters][gallery]") {
  const Converted script = converted_or_fail(read_gallery("x = 1\n# not a separator\n", "p.py"));
  CHECK(cell_types(script) == std::vector<std::string>{"code"});
  CHECK(source_of(script.notebook.cells()[0]) == "x = 1\n# not a separator");
}

TEST_CASE("gallery: an unterminated docstring is left as code", "[converters][gallery]") {
  const Converted script = converted_or_fail(read_gallery("\"\"\"\nno end\n", "p.py"));
  CHECK(cell_types(script) == std::vector<std::string>{"code"});
}
