// The sections of a Google-style docstring, as xdoctest's google parser splits them.
#include "converters/google_sections.hpp"

#include <catch2/catch.hpp>

using namespace docnb::converters;

TEST_CASE("google blocks: Example, Examples and Doctest with one or two colons", "[docstring]") {
  const auto blocks = split_google_blocks("Summary.\n\n"
                                          "Args:\n    x: a value\n\n"
                                          "Examples::\n\n    >>> 1\n    1\n\n"
                                          "Doctest:\n    >>> 2\n");
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0].key == "__DOC__");
  CHECK(blocks[1].key == "Args");
  CHECK(blocks[1].offset == 2);
  CHECK(blocks[2].key == "Example");
  CHECK(blocks[2].offset == 5);
  CHECK(blocks[2].text == "\n>>> 1\n1\n");
  CHECK(blocks[3].key == "Doctest");
  CHECK(blocks[3].text == ">>> 2\n");
}
