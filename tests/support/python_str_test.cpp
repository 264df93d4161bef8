// Python's str methods, where docnb must split, strip and dedent exactly as Python does.
#include "support/python_str.hpp"

#include <catch2/catch.hpp>

TEST_CASE("textwrap.dedent: common margin removed, blank lines emptied",
          "[docstring][python_str]") {
  CHECK(docnb::python_str::dedent("    a\n      b\n  \n    c") == "a\n  b\n\nc");
  CHECK(docnb::python_str::dedent("a\n  b") == "a\n  b");
}

TEST_CASE("str.split, str.splitlines and join differ on a final newline", "[python_str]") {
  using namespace docnb::python_str;
  CHECK(split("a\nb\n") == std::vector<std::string>{"a", "b", ""});
  CHECK(splitlines("a\nb\n") == std::vector<std::string>{"a", "b"});
  CHECK(splitlines("") == std::vector<std::string>{});
  CHECK(join({"a", "b", "c"}) == "a\nb\nc");
  CHECK(join({"a", "b", "c"}, 1) == "b\nc");
  CHECK(join({"a", "b", "c"}, 0, 2) == "a\nb");
  CHECK(strip(" \t x y \n") == "x y");
  CHECK(lower("PyCon") == "pycon");
}
