// Sanitizer rules as nbval reads them from a file, and docnb's built-in sets.
#include "check/sanitize_rules.hpp"
#include "check_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;
using namespace docnb::check::testing;

TEST_CASE("sanitizer files: regex line directly followed by replace line",
          "[check][sanitize_rules]") {
  const std::string text = "[Section]\n"
                           "regex: a+\n"
                           "replace: A\n"
                           "\n"
                           "regex: lonely\n"
                           "regex: b\r\n"
                           "replace: B \n"
                           "replace: orphan\n"
                           "# regex: c\n"
                           "regex:  d\n"
                           "replace: D";
  const std::vector<SanitizeRule> rules = parse_sanitize_rules(text, "s.cfg");
  REQUIRE(rules.size() == 3);
  CHECK(rules[0].regex == "a+");
  CHECK(rules[0].replace == "A");
  CHECK(rules[0].where == "s.cfg:2");
  CHECK(rules[1].regex == "b");
  CHECK(rules[1].replace == "B "); // trailing blanks are part of the value
  CHECK(rules[1].where == "s.cfg:6");
  CHECK(rules[2].regex == " d"); // only one blank after the colon is syntax
}

TEST_CASE("sanitize_defaults.cfg parses into its six rules", "[check][sanitize_rules]") {
  auto rules = read_sanitize_file(corpus("sanitize_defaults.cfg"));
  REQUIRE(rules.ok());
  REQUIRE(rules->size() == 6);
  CHECK((*rules)[0].regex == R"(\d\d\d\d-\d\d-\d\d)");
  CHECK((*rules)[0].replace == "DATESTAMP");
  CHECK((*rules)[4].replace == R"(\1MEMORY_ADDRESS\3)");
  CHECK((*rules)[5].replace == R"(\1WIDTHxHEIGHT\2)");
}

TEST_CASE("a missing sanitizer file is an error naming it", "[check][sanitize_rules]") {
  auto rules = read_sanitize_file("/nonexistent/x.cfg");
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.error().where == "/nonexistent/x.cfg");
}

TEST_CASE("built-in rule sets are named by where they come from", "[check][sanitize_rules]") {
  for (const std::string_view name : builtin_sanitizer_names()) {
    auto rules = builtin_sanitize_rules(name);
    REQUIRE(rules.ok());
    REQUIRE_FALSE(rules->empty());
    CHECK((*rules)[0].where == "builtin:" + std::string(name));
  }
  auto unknown = builtin_sanitize_rules("dates");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message.find("timestamp") != std::string::npos);
}
