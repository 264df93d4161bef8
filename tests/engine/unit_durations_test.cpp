#include "../test_notebooks.hpp"
#include "engine/unit_durations.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using testing::docstring_part;

namespace {

Notebook module_of(const std::string& second_part) {
  return testing::notebook_of("mod.py",
                              Json::array({docstring_part("a = 1", "f:0", 0, std::nullopt, 3),
                                           docstring_part(second_part, "f:0", 1, "1", 4),
                                           docstring_part("b = 2", "g:0", 0, std::nullopt, 9)}));
}

} // namespace

TEST_CASE("an example's duration key names it and changes with its code",
          "[engine][unit_durations]") {
  const Notebook module = module_of("a");
  const std::string f = unit_duration_key("pkg/mod.py", module, {0, 1});
  CHECK_THAT(f, Catch::StartsWith("pkg/mod.py::f:0@"));
  CHECK(unit_duration_key("pkg/mod.py", module, {2}) != f);
  // Its code changed: the recorded duration no longer applies.
  CHECK(unit_duration_key("pkg/mod.py", module_of("a + 0"), {0, 1}) != f);
  // Another example changing does not touch it.
  CHECK(unit_duration_key("pkg/mod.py", module_of("a"), {0, 1}) == f);
}

TEST_CASE("a module's examples start longest first by their recorded durations",
          "[engine][unit_durations]") {
  const std::vector<ExecutionUnit> units{{0, 1}, {2}, {3, 4, 5}, {6}};
  const std::vector<std::string> keys{"a", "b", "c", "d"};
  SECTION("none recorded: the notebook's order, estimated from their cells") {
    const UnitSchedule schedule = schedule_units(units, keys, {});
    CHECK(schedule.order == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(schedule.estimates[2] == Approx(3 * unrecorded_cell_seconds));
  }
  SECTION("recorded: longest first, the example never timed before them") {
    const UnitSchedule schedule =
        schedule_units(units, keys, {{"a", 0.5}, {"b", 16.0}, {"d", 2.0}, {"other", 99.0}});
    CHECK(schedule.order == std::vector<std::size_t>{2, 1, 3, 0});
    CHECK(schedule.estimates[1] == Approx(16.0));
    CHECK(schedule.estimates[0] == Approx(0.5));
  }
}
