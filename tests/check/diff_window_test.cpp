// The part of two texts a diff compares: shared lines at both ends skipped but for the
// context, at most max_window_lines of each side, a missing final newline marked.
#include "check/diff_window.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;

namespace {

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("diff window: shared lines at the start and end are skipped, context kept",
          "[check][diff_window]") {
  const DiffWindow window = diff_window("a\nb\nc\nd\ne\n", "a\nb\nX\nd\ne\n", 1);
  CHECK(window.skipped == 1);
  CHECK(window.stored == Lines{"b", "c", "d"});
  CHECK(window.got == Lines{"b", "X", "d"});
  CHECK(window.note.empty());
}

TEST_CASE("diff window: a last line without its newline differs from one with it",
          "[check][diff_window]") {
  const DiffWindow window = diff_window("x", "x\n", 0);
  REQUIRE(window.stored.size() == 1);
  CHECK(window.stored[0] == std::string("x") + std::string(no_eol));
  CHECK(window.got == Lines{"x"});
}

TEST_CASE("diff window: at most max_window_lines of each side, the rest noted",
          "[check][diff_window]") {
  std::string stored;
  std::string got;
  for (std::size_t i = 0; i < max_window_lines + 10; ++i) {
    stored += "s" + std::to_string(i) + "\n";
    got += "g" + std::to_string(i) + "\n";
  }
  const DiffWindow window = diff_window(stored, got, 3);
  CHECK(window.skipped == 0);
  CHECK(window.stored.size() == max_window_lines);
  CHECK(window.got.size() == max_window_lines);
  CHECK_THAT(window.note, Catch::Contains("10 more stored lines"));
}
