// docnb-kernel's input history, answering history_request as the protocol has it: integer
// session and line numbers, lines numbered in order, output as [input, output].
#include "history.hpp"

#include <catch2/catch.hpp>

using docnb::kernel::History;

namespace {

// Three inputs of session 1 (xeus gives every one the same line number).
struct ThreeInputs : History {
  ThreeInputs() {
    store_inputs(1, 7, "x = 1", "");
    store_inputs(1, 7, "print(x)", "1");
    store_inputs(1, 7, "x = 2", "");
  }
};

} // namespace

TEST_CASE("history: the tail, numbered in order, with or without output", "[kernel][history]") {
  const ThreeInputs history;
  const nl::json tail = history.get_tail(2, true, false);
  CHECK(tail["status"] == "ok");
  CHECK(tail["history"] == nl::json::array({{1, 2, "print(x)"}, {1, 3, "x = 2"}}));
  CHECK(history.get_tail(1, true, true)["history"] == nl::json::array({{1, 3, {"x = 2", ""}}}));
  CHECK(history.get_tail(10, true, false)["history"].size() == 3);
  CHECK(history.get_tail(-1, true, false)["history"].empty());
}

TEST_CASE("history: a range of lines of one session, stop excluded", "[kernel][history]") {
  const ThreeInputs history;
  CHECK(history.get_range(1, 2, 3, true, false)["history"] ==
        nl::json::array({{1, 2, "print(x)"}}));
  CHECK(history.get_range(1, 2, 0, true, false)["history"].size() == 2); // 0: to the end
  CHECK(history.get_range(2, 1, 0, true, false)["history"].empty());
}

TEST_CASE("history: a search by glob, newest n, oldest first, unique on request",
          "[kernel][history]") {
  const ThreeInputs history;
  CHECK(history.search("x = *", true, false, 0, false)["history"] ==
        nl::json::array({{1, 1, "x = 1"}, {1, 3, "x = 2"}}));
  CHECK(history.search("x = *", true, false, 1, false)["history"] ==
        nl::json::array({{1, 3, "x = 2"}}));
  History repeated;
  repeated.store_inputs(1, 1, "a", "");
  repeated.store_inputs(1, 1, "a", "");
  CHECK(repeated.search("a", true, false, 0, true)["history"].size() == 1);
  CHECK(repeated.search("a", true, false, 0, false)["history"].size() == 2);
}
