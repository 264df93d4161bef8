// The HTML comments of a Markdown page that docnb reads, and the misspellings of them.
#include "converters/markdown_markers.hpp"

#include <catch2/catch.hpp>

using namespace docnb::converters;

TEST_CASE("markers: every tool's skip is a skip of the next block", "[converters][markers]") {
  for (const char* comment :
       {"<!-- docnb: skip -->", "<!--docnb:skip-->", "<!-- skip: next -->",
        "<!--phmdoctest-skip-->", "<!--pytest-codeblocks:skip-->", "<!--pytest.mark.skip-->"}) {
    INFO(comment);
    const MarkerSeen seen = marker_of(std::string(comment) + "\n");
    CHECK(seen.marker == Marker::skip_next);
    CHECK_FALSE(seen.typo_of);
  }
  CHECK(marker_of("<!-- skip: start -->").marker == Marker::skip_start);
  CHECK(marker_of("<!-- skip: end -->").marker == Marker::skip_end);
  CHECK(marker_of("<!-- invisible-code-block: python\nx = 1\n-->\n").marker ==
        Marker::invisible_code);
}

TEST_CASE("markers: a misspelt marker names the spelling it is near", "[converters][markers]") {
  const MarkerSeen skip = marker_of("<!-- docnb: skp -->");
  CHECK(skip.marker == Marker::none);
  CHECK(skip.spelling == "<!-- docnb: skp -->");
  CHECK(skip.typo_of == "<!-- docnb: skip -->");
  CHECK(marker_of("<!-- invisble-code-block: python\nx = 1\n-->").typo_of ==
        "<!-- invisible-code-block: python");
  // Other tools' conventions docnb does not act on are known, not typos.
  const MarkerSeen label = marker_of("<!--phmdoctest-label my_test-->");
  CHECK(label.marker == Marker::other_known);
  CHECK_FALSE(label.typo_of);
}

TEST_CASE("markers: ordinary comments and HTML are no markers", "[converters][markers]") {
  CHECK(marker_of("<!-- a note for editors -->").marker == Marker::none);
  CHECK_FALSE(marker_of("<!-- a note for editors -->").typo_of);
  CHECK(marker_of("<div>skip: next</div>").marker == Marker::none);
  CHECK(rst_marker_of(".. _target:").marker == Marker::none);
  CHECK(rst_marker_of(".. skip: next").marker == Marker::skip_next);
  CHECK(rst_marker_of(".. docnb: skip").marker == Marker::skip_next);
}
