// The text helpers strip what Python's str methods strip; the references are computed by
// Python's own str methods in the test where they disagree with C's isspace.
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace docnb;

TEST_CASE("whitespace is str.isspace()'s, information separators included", "[support][text]") {
  for (const char c : std::string(" \t\n\r\v\f\x1c\x1d\x1e\x1f"))
    CHECK(is_space(c));
  for (const char c : std::string("a_0.\x1b\x7f"))
    CHECK_FALSE(is_space(c));
  CHECK(is_blank(""));
  CHECK(is_blank(" \t\r\n\x1c"));
  CHECK_FALSE(is_blank("  x "));
}

TEST_CASE("trim and rstrip take the given characters from the ends only", "[support][text]") {
  CHECK(trim("  a b \r\n") == "a b");
  CHECK(trim(" \t ") == "");
  CHECK(trim("\ta b\t\r", " \t") == "a b\t\r");
  CHECK(rstrip("x  \n") == "x");
  CHECK(rstrip("x \t\r", " \t") == "x \t\r");
  CHECK(rstrip("   ") == "");
  CHECK(rstrip(" a") == " a");
}
