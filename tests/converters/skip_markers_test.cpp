#include "converters/skip_markers.hpp"

#include <catch2/catch.hpp>

using namespace docnb::converters;

namespace {

MarkerSeen seen(Marker marker, const std::string& spelling) {
  MarkerSeen marker_seen;
  marker_seen.marker = marker;
  marker_seen.spelling = spelling;
  return marker_seen;
}

} // namespace

TEST_CASE("skip markers: next skips one block, a range every block until its end",
          "[converters][markers]") {
  SkipMarkers skips;
  CHECK_FALSE(skips.take());
  skips.note(seen(Marker::skip_next, ".. skip: next"), 3);
  CHECK(skips.dangling("p.rst") == "p.rst:3: .. skip: next is not followed by code");
  CHECK(skips.take() == ".. skip: next");
  CHECK_FALSE(skips.take());
  CHECK_FALSE(skips.dangling("p.rst"));
  skips.note(seen(Marker::skip_start, "<!-- skip: start -->"), 5);
  skips.note(seen(Marker::invisible_code, ""), 6); // not a skip: changes nothing
  CHECK(skips.take() == "<!-- skip: start -->");
  CHECK(skips.take() == "<!-- skip: start -->");
  skips.note(seen(Marker::skip_end, "<!-- skip: end -->"), 9);
  CHECK_FALSE(skips.take());
}

TEST_CASE("skip markers: the rst spellings, and their misspellings", "[converters][markers]") {
  CHECK(rst_marker_of(".. docnb: skip").marker == Marker::skip_next);
  CHECK(rst_marker_of("   .. skip: next").marker == Marker::skip_next);
  CHECK(rst_marker_of(".. skip: start").marker == Marker::skip_start);
  CHECK(rst_marker_of(".. SKIP: END").marker == Marker::skip_end);
  // Markdown's other tools have no rst spelling: their markers skip nothing there.
  CHECK(rst_marker_of(".. phmdoctest-skip").marker != Marker::skip_next);
  CHECK(rst_marker_of(".. pytest-codeblocks:skip").marker != Marker::skip_next);
  CHECK(rst_marker_of(".. skip: nxt").typo_of == ".. skip: next");
  CHECK(misspelt_marker(rst_marker_of(".. docnb: skipp"), "p.rst", 4) ==
        "p.rst:4: unknown marker .. docnb: skipp; did you mean .. docnb: skip?");
  for (const char* other : {".. _skip: next", ".. [1] skip: next", ".. |skip| replace:: x",
                            ".. note", ".. code-block: python"}) {
    INFO(other);
    CHECK(rst_marker_of(other).marker == Marker::none);
    CHECK_FALSE(rst_marker_of(other).typo_of);
  }
}
