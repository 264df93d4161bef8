// find_nesting_beyond: the bound that keeps deeply nested JSON from overflowing the stack.
#include "support/json_depth.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace docnb;

namespace {

std::string nested(std::size_t levels) {
  return std::string(levels, '[') + std::string(levels, ']');
}

} // namespace

TEST_CASE("json_depth: nesting up to the limit is accepted", "[json_depth]") {
  CHECK_FALSE(find_nesting_beyond("", 1).has_value());
  CHECK_FALSE(find_nesting_beyond("1", 0).has_value());
  CHECK_FALSE(find_nesting_beyond(nested(max_json_depth), max_json_depth).has_value());
  CHECK_FALSE(find_nesting_beyond(R"({"a": [1, {"b": []}], "c": {}})", 4).has_value());
}

TEST_CASE("json_depth: the first bracket past the limit is found", "[json_depth]") {
  CHECK(find_nesting_beyond(nested(max_json_depth + 1), max_json_depth) == max_json_depth);
  CHECK(find_nesting_beyond(R"({"a": [1, {"b": []}]})", 2) == 10);
  // Closed levels do not count towards later ones.
  CHECK_FALSE(find_nesting_beyond("[[]] [[]] [[]]", 2).has_value());
}

TEST_CASE("json_depth: brackets in strings and escaped quotes do not count", "[json_depth]") {
  CHECK_FALSE(find_nesting_beyond(R"(["[[[[", "{{{{"])", 1).has_value());
  CHECK_FALSE(find_nesting_beyond(R"(["a\"[[[", "\\", "]]"])", 1).has_value());
  CHECK(find_nesting_beyond(R"(["\\", [1]])", 1) == 7);
}

TEST_CASE("json_depth: unbalanced text is measured without running off", "[json_depth]") {
  CHECK_FALSE(find_nesting_beyond("]]]}}}[", 1).has_value());
  CHECK(find_nesting_beyond("]]]}}}[[", 1) == 7);
  CHECK_FALSE(find_nesting_beyond("[\"unterminated \\", 1).has_value());
}
