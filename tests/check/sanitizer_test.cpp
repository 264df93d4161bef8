#include "check/sanitize_rules.hpp"
#include "check/sanitizer.hpp"
#include "check_fixtures.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb::check;
using namespace docnb::check::testing;

namespace {

Sanitizer defaults() {
  auto rules = read_sanitize_file(corpus("sanitize_defaults.cfg"));
  REQUIRE(rules.ok());
  auto sanitizer = Sanitizer::compile(*rules);
  REQUIRE(sanitizer.ok());
  return *sanitizer;
}

std::string clean(const Sanitizer& sanitizer, const std::string& text) {
  auto result = sanitizer.apply(text);
  REQUIRE(result.ok());
  return *result;
}

} // namespace

TEST_CASE("sanitize_defaults.cfg hides memory addresses, dates, times, figure sizes", "[check]") {
  const Sanitizer sanitizer = defaults();
  CHECK(clean(sanitizer, "<matplotlib.legend.Legend at 0x7fae26a349b0>") ==
        "<matplotlib.legend.Legend at MEMORY_ADDRESS>");
  CHECK(clean(sanitizer, "'Last executed: 2018-06-01, 12:33:15'") ==
        "'Last executed: DATESTAMP, TIMESTAMP'");
  CHECK(clean(sanitizer, "on 01-06-2018 at 12:33") == "on DATESTAMP at TIMESTAMP");
  CHECK(clean(sanitizer, "<Figure size 432x288 with 1 Axes>") ==
        "<Figure size WIDTHxHEIGHT with 1 Axes>");
  // Both sides of sample_notebook.ipynb cell 9 meet after sanitizing.
  CHECK(clean(sanitizer, "'Last executed: 2018-06-01, 12:33:15'") ==
        clean(sanitizer, "'Last executed: 2026-11-23, 09:01:02'"));
}

TEST_CASE("a duplicated regex keeps its first place and its last replacement", "[check]") {
  auto sanitizer = Sanitizer::compile({{"a", "1", "f:1"}, {"1", "one", "f:3"}, {"a", "2", "f:5"}});
  REQUIRE(sanitizer.ok());
  CHECK(sanitizer->size() == 2);
  CHECK(clean(*sanitizer, "a") == "2"); // a -> 2 first, then 1 -> one does not apply
}

TEST_CASE("a bad regex in a sanitizer file names the file and line", "[check]") {
  const std::string path = fixture("bad_sanitize.cfg");
  auto rules = read_sanitize_file(path);
  REQUIRE(rules.ok());
  auto sanitizer = Sanitizer::compile(*rules);
  REQUIRE_FALSE(sanitizer.ok());
  CHECK(sanitizer.error().where == path + ":5");
  CHECK(sanitizer.error().describe().find("bad regex") != std::string::npos);
}

TEST_CASE("built-in sanitizers are opt-in by name", "[check]") {
  auto build = [](const std::string& name) {
    auto rules = builtin_sanitize_rules(name);
    REQUIRE(rules.ok());
    auto sanitizer = Sanitizer::compile(*rules);
    REQUIRE(sanitizer.ok());
    return *sanitizer;
  };
  CHECK(clean(build("memory-address"), "<object at 0x7f3a2b1c0d90>") == "<object at 0xADDRESS>");
  CHECK(clean(build("memory-address"), "flags 0x1") == "flags 0x1");
  CHECK(clean(build("timestamp"), "at 2024-01-31T12:00:05.123Z and 2024-02-01 13:14, 09:30:00") ==
        "at TIMESTAMP and TIMESTAMP, TIMESTAMP");
  CHECK(clean(build("timestamp"), "born 2024-01-31") == "born DATESTAMP");
  CHECK(clean(build("uuid"), "id=123e4567-e89b-12d3-a456-426614174000.") == "id=UUID.");
  CHECK(clean(build("ansi"), "\x1b[1;31mError\x1b[0m: x") == "Error: x");
  auto unknown = builtin_sanitize_rules("dates");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message.find("memory-address") != std::string::npos);
  CHECK(builtin_sanitizer_names().size() == 4);
}
