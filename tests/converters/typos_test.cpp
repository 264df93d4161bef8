#include "converters/typos.hpp"

#include <catch2/catch.hpp>

using namespace docnb::converters;

TEST_CASE("typos: the nearest known name within a distance", "[converters][typos]") {
  CHECK(nearest_name("testcod", {"testcode", "testoutput"}, 1) == "testcode");
  CHECK_FALSE(nearest_name("testcode", {"testcode"}, 1).has_value());
  CHECK_FALSE(nearest_name("zzzz", {"testcode"}, 2).has_value());
}
