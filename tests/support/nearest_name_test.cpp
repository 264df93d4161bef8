// "Did you mean" hints: the one nearest_name every reader of names uses.
#include "support/nearest_name.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace docnb;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps, any case",
          "[support][nearest_name]") {
  CHECK(edit_distance("ELLIPSIS", "ellipsis") == 0);
  CHECK(edit_distance("ELIPSIS", "ELLIPSIS") == 1);
  CHECK(edit_distance("ELLIPSSI", "ELLIPSIS") == 1); // neighbours swapped
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("the nearest name is within a third of the typed length by default",
          "[support][nearest_name]") {
  constexpr std::array<std::string_view, 3> known = {"global_exec", "gallery_patterns", "style"};
  CHECK(nearest_name("global_exe", known) == "global_exec");
  CHECK(nearest_name("stlye", known) == "style");
  CHECK_FALSE(nearest_name("completely_else", known).has_value());
  // A name typed right needs no hint.
  CHECK_FALSE(nearest_name("style", known).has_value());
}

TEST_CASE("an explicit distance bounds the hint, over any list of names",
          "[support][nearest_name]") {
  const std::vector<std::string> known = {"testcode", "testoutput"};
  CHECK(nearest_name("testcod", known, 1) == "testcode");
  CHECK_FALSE(nearest_name("testcode", known, 1).has_value());
  CHECK_FALSE(nearest_name("zzzz", known, 2).has_value());
  CHECK(nearest_name("tstoutpt", known, 2) == "testoutput");
  CHECK_FALSE(nearest_name("tstoutpt", known, 1).has_value());
}
