#include "engine/schedule.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("work starts longest first, sources never timed before all others",
          "[engine][schedule]") {
  const std::vector<std::string> ids{"a", "b", "c", "d", "e"};
  const std::map<std::string, double> durations{{"a", 1.0}, {"b", 30.0}, {"d", 5.0}, {"e", 5.0}};
  CHECK(longest_first(ids, durations) == std::vector<std::size_t>{2, 1, 3, 4, 0});
}

TEST_CASE("without recorded durations the given order is kept", "[engine][schedule]") {
  const std::vector<std::string> ids{"z", "y", "x"};
  CHECK(longest_first(ids, {}) == std::vector<std::size_t>{0, 1, 2});
}
