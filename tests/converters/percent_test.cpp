#include "converted_cells.hpp"
#include "converters/percent.hpp"

using namespace docnb;
using namespace docnb::converters;
using namespace docnb::converters::testing;

TEST_CASE("percent: cells, titles, types and metadata", "[converters][percent]") {
  const std::string text = "# ---\n"                                            // 1
                           "# jupyter:\n"                                       // 2
                           "#   kernelspec: {}\n"                               // 3
                           "# ---\n"                                            // 4
                           "import os\n"                                        // 5
                           "\n"                                                 // 6
                           "# %% [markdown]\n"                                  // 7
                           "# # Title\n"                                        // 8
                           "#\n"                                                // 9
                           "# Words.\n"                                         // 10
                           "\n"                                                 // 11
                           "# %% Load the data tags=[\"a\", \"b\"] hide=true\n" // 12
                           "x = 1\n"                                            // 13
                           "\n"                                                 // 14
                           "y = 2\n"                                            // 15
                           "\n"                                                 // 16
                           "#%% {\"tags\": [\"raises-exception\"]}\n"           // 17
                           "1 / 0\n"                                            // 18
                           "# %% [raw]\n"                                       // 19
                           "# raw text\n";                                      // 20
  CHECK(is_percent_script(text));
  const Converted script = converted_or_fail(read_percent(text, "s.py"));
  CHECK(script.kind == SourceKind::percent);
  CHECK(cell_types(script) == std::vector<std::string>{"code", "markdown", "code", "code", "raw"});
  const Json& cells = script.notebook.cells();
  CHECK(source_of(cells[0]) == "import os");
  CHECK(docnb_of(cells[0]) == Json{{"line", 5}, {"last_line", 5}, {"example", "s.py:5"}});
  CHECK(source_of(cells[1]) == "# Title\n\nWords.");
  CHECK(source_of(cells[2]) == "x = 1\n\ny = 2");
  CHECK(cells[2].at("metadata") ==
        Json{{"docnb", {{"line", 13}, {"last_line", 15}, {"example", "s.py:13"}}},
             {"tags", {"a", "b"}},
             {"hide", true},
             {"title", "Load the data"}});
  CHECK(cells[3].at("metadata").at("tags") == Json{"raises-exception"});
  CHECK(docnb_of(cells[3]).at("line") == 18);
  CHECK(source_of(cells[4]) == "raw text");
  CHECK(script.warnings.empty());
}

TEST_CASE("percent: only a marker at the start of a line counts", "[converters][percent]") {
  CHECK_FALSE(is_percent_script("x = 1  # %% not a marker\n  # %%\n#%%x\n"));
  CHECK(is_percent_script("\xEF\xBB\xBF# %%\r\nx\r\n"));
}

TEST_CASE("percent: bad metadata warns and non-UTF-8 is an error", "[converters][percent]") {
  const Converted script = converted_or_fail(read_percent("# %% {\"tags\": [}\nx\n", "s.py"));
  CHECK(script.warnings == std::vector<std::string>{"s.py:1: cell metadata is not JSON"});
  const Result<Converted> bad = read_percent("# %%\nx = '\x80'\n", "s.py");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().where == "s.py:2");
}

TEST_CASE("percent: markdown and raw cells keep their titles and metadata",
          "[converters][percent]") {
  const Converted script = converted_or_fail(read_percent(
      "# %% Load data [markdown] key=\"v\"\n# Words.\n# %% [raw] {\"a\": 1}\n# r\n", "s.py"));
  REQUIRE(cell_types(script) == std::vector<std::string>{"markdown", "raw"});
  const Json& cells = script.notebook.cells();
  CHECK(cells[0].at("metadata") == Json{{"key", "v"}, {"title", "Load data"}});
  CHECK(cells[1].at("metadata") == Json{{"a", 1}});
}

TEST_CASE("percent: a misspelt cell type is a warning", "[converters][percent]") {
  const Converted script =
      converted_or_fail(read_percent("x = 0\n# %% [makdown]\n# Words.\n", "s.py"));
  CHECK(script.warnings ==
        std::vector<std::string>{"s.py:2: unknown cell type [makdown]: did you mean [markdown]? "
                                 "(read as a code cell)"});
}
