#include "check/rule_set.hpp"
#include "check/stdlib_cell.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;
using docnb::Outcome;

namespace {

DoctestGot got_of(std::string stdout_text, std::optional<std::string> result = std::nullopt,
                  std::optional<std::string> exception = std::nullopt) {
  DoctestGot got;
  got.stdout_text = std::move(stdout_text);
  got.result = std::move(result);
  got.exception = std::move(exception);
  return got;
}

Outcome judged(const DoctestGot& got, std::optional<std::string> want, RuleSet rules,
               std::string_view mode = "") {
  return check_stdlib_cell(got, want, mode, false, rule_set_defaults(rules), CellPolicy{}).outcome;
}

} // namespace

// Each want below is what `python3 -m doctest` decides for the same example
// (tests/e2e/rules_cases.py runs them through doctest itself).
TEST_CASE("stdlib: what an example printed is its stdout then its value's repr", "[check][rules]") {
  CHECK(stdlib_got(got_of("a\n", "5"), "") == "a\n5\n");
  CHECK(stdlib_got(got_of("a", "5"), "single") == "a5\n");
  CHECK(stdlib_got(got_of("a\n", "5"), "exec") == "a\n"); // a Sphinx testcode shows no value
  CHECK(judged(got_of("", "5"), "5\n", RuleSet::stdlib) == Outcome::passed);
  CHECK(judged(got_of("", "'a'"), "a\n", RuleSet::stdlib) == Outcome::failed);
}

TEST_CASE("stdlib: a want-less example must print nothing", "[check][rules]") {
  CHECK(judged(got_of("hi\n"), std::nullopt, RuleSet::stdlib) == Outcome::failed);
  CHECK(judged(got_of("", "1"), std::nullopt, RuleSet::sphinx) == Outcome::failed);
  CHECK(judged(got_of(""), std::nullopt, RuleSet::stdlib) == Outcome::passed);
}

TEST_CASE("stdlib: exceptions need a traceback want", "[check][rules]") {
  const std::string want = "Traceback (most recent call last):\nValueError: x\n";
  CHECK(judged(got_of("", std::nullopt, "ValueError: x"), want, RuleSet::stdlib) ==
        Outcome::passed);
  CHECK(judged(got_of("", std::nullopt, "ValueError: y"), want, RuleSet::stdlib) ==
        Outcome::failed);
  CHECK(judged(got_of("", std::nullopt, "ValueError: y"), want, RuleSet::sphinx) ==
        Outcome::passed); // IGNORE_EXCEPTION_DETAIL
  CHECK(judged(got_of("", std::nullopt, "ValueError: x"), "x\n", RuleSet::stdlib) ==
        Outcome::failed);
  CHECK(judged(got_of("x\n"), want, RuleSet::stdlib) == Outcome::failed);
}
