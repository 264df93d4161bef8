// What `docnb list` and `docnb convert` warn of: the converter's warnings, then misspelt
// directives at their file and line.
#include "../test_notebooks.hpp"
#include "cli/source_warnings.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace docnb;
using namespace docnb::testing;

TEST_CASE("source warnings: the converter's first, then directive typos", "[cli][warnings]") {
  converters::Converted converted;
  converted.notebook = notebook_of(
      "page.md", Json::array({block("x = 1  # doctest: +ELIPSIS", 7), block("y = 2", 11)}));
  converted.warnings = {"page.md:3: unclosed fence"};
  std::ostringstream out;
  cli::print_source_warnings(out, converted);
  const std::string text = out.str();
  CHECK_THAT(text, Catch::StartsWith("warning: page.md:3: unclosed fence\nwarning: page.md:7: "));
  CHECK_THAT(text, Catch::Contains("ELLIPSIS"));
  CHECK(std::count(text.begin(), text.end(), '\n') == 2);
}

TEST_CASE("source warnings: a clean source says nothing", "[cli][warnings]") {
  converters::Converted converted;
  converted.notebook = notebook_of("page.md", Json::array({block("x = 1", 3)}));
  std::ostringstream out;
  cli::print_source_warnings(out, converted);
  CHECK(out.str().empty());
}
