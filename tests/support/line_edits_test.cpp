// apply_line_edits: only the edited lines change, whatever the rest of the text holds.
#include "support/line_edits.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("line_edits: a want is replaced in its indentation, the rest kept", "[line_edits]") {
  const std::string original = "text\n   >>> print(1)\n   1\n   \nafter  \n";
  const Result<std::string> edited = apply_line_edits(original, {{3, 3, "2\n\n3", "   "}});
  REQUIRE(edited.ok());
  CHECK(*edited == "text\n   >>> print(1)\n   2\n\n   3\n   \nafter  \n");
}

TEST_CASE("line_edits: insertion, deletion and several edits at once", "[line_edits]") {
  const std::string original = "a\nb\nc\nd";
  const Result<std::string> edited =
      apply_line_edits(original, {{5, 4, "e", ""}, {2, 2, "", ""}, {3, 2, "x\ny\n", "  "}});
  REQUIRE(edited.ok());
  CHECK(*edited == "a\n  x\n  y\nc\nd\ne\n");
}

TEST_CASE("line_edits: CRLF sources get CRLF lines", "[line_edits]") {
  const Result<std::string> edited = apply_line_edits("a\r\nold\r\nz\r\n", {{2, 2, "new", ""}});
  REQUIRE(edited.ok());
  CHECK(*edited == "a\r\nnew\r\nz\r\n");
}

TEST_CASE("line_edits: no edits give back the text byte for byte", "[line_edits]") {
  const std::string original = "no newline at the end\n\n\tx";
  CHECK(apply_line_edits(original, {}).value() == original);
}

TEST_CASE("line_edits: overlapping or out-of-range edits are errors", "[line_edits]") {
  CHECK_FALSE(apply_line_edits("a\nb\n", {{1, 2, "x", ""}, {2, 2, "y", ""}}).ok());
  CHECK_FALSE(apply_line_edits("a\nb\n", {{2, 5, "x", ""}}).ok());
  CHECK_FALSE(apply_line_edits("a\nb\n", {{0, 0, "x", ""}}).ok());
}
