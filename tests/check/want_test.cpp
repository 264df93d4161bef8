#include "check/want.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;

namespace {
DoctestOptions with(std::initializer_list<Directive> directives) {
  DoctestOptions options;
  for (const Directive& d : directives)
    REQUIRE(apply_directive(d, options).ok());
  return options;
}
} // namespace

TEST_CASE("want normalisations, each on its own", "[check][want]") {
  const DoctestOptions defaults;
  CHECK(output_matches("a  \nb\t\n\n\n", "a\nb", defaults));                // trailing whitespace
  CHECK(output_matches("\x1b[31mred\x1b[0m", "red", defaults));             // terminal escapes
  CHECK(output_matches("u'x' b\"y\"", "'x' \"y\"", defaults));              // literal prefixes
  CHECK(output_matches("a\n\nb", "a\n<BLANKLINE>\nb", defaults));           // <BLANKLINE>
  CHECK(output_matches("10%\r50%\r100%\ndone", "100%\ndone", defaults));    // overwritten lines
  CHECK(output_matches("[1,\n 2]", "[1, 2]", defaults));                    // NORMALIZE_WHITESPACE
  CHECK(output_matches("'text'", "text", defaults));                        // NORMALIZE_REPR
  CHECK(output_matches("tensor([1, 2, 3])", "tensor([1, ...])", defaults)); // ELLIPSIS
  CHECK(output_matches("a\nb\nc", "a\n...\nc", defaults));
  CHECK_FALSE(output_matches("a\nb\nc", "a\nc", defaults));
  CHECK_FALSE(output_matches("abc", "abd", defaults));
  CHECK(output_matches("anything", "", defaults));
}

TEST_CASE("directives switch normalisations off and on", "[check][want]") {
  CHECK_FALSE(
      output_matches("tensor([1, 2])", "tensor([1, ...])", with({{"ELLIPSIS", false, {}}})));
  CHECK_FALSE(output_matches("[1,\n 2]", "[1, 2]", with({{"NORMALIZE_WHITESPACE", false, {}}})));
  CHECK(output_matches("[1,2]", "[1, 2]", with({{"IGNORE_WHITESPACE", true, {}}})));
  CHECK_FALSE(output_matches("[1,2]", "[1, 2]", DoctestOptions{}));
  CHECK_FALSE(output_matches("'text'", "text", with({{"NORMALIZE_REPR", false, {}}})));
  CHECK_FALSE(
      output_matches("a\n\nb", "a\n<BLANKLINE>\nb", with({{"DONT_ACCEPT_BLANKLINE", true, {}}})));
  CHECK(output_matches("0.30000000000000004", "0.3", with({{"FLOAT_CMP", true, {}}})));
  CHECK_FALSE(output_matches("0.30000000000000004", "0.3", DoctestOptions{}));
  CHECK_FALSE(output_matches("0.31", "0.3", with({{"FLOAT_CMP", true, {}}})));
}

TEST_CASE("a traceback want is matched against the exception's last line", "[check][want]") {
  const std::string want = "Traceback (most recent call last):\n"
                           "  ...\n"
                           "ZeroDivisionError: division by zero";
  REQUIRE(exception_want(want) ==
          std::optional<std::string>("ZeroDivisionError: division by zero"));
  CHECK_FALSE(exception_want("ZeroDivisionError: division by zero"));
  const DoctestOptions defaults;
  CHECK(exception_matches("ZeroDivisionError: division by zero", want, defaults));
  CHECK_FALSE(exception_matches("ZeroDivisionError: integer modulo", want, defaults));
  CHECK(exception_matches("ZeroDivisionError: integer modulo", want,
                          with({{"IGNORE_EXCEPTION_DETAIL", true, {}}})));
  CHECK(exception_matches(
      "LinAlgError: Singular matrix",
      "Traceback (most recent call last):\nnumpy.linalg.LinAlgError: Singular matrix", defaults));
  CHECK(exception_matches("ValueError: bad value 17",
                          "Traceback (most recent call last):\nValueError: bad value ...",
                          defaults));
}
