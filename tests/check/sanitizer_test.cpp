#include "check/regex_sub.hpp"
#include "check/sanitize_rules.hpp"
#include "check/sanitizer.hpp"
#include "check_fixtures.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb::check;
using namespace docnb::check::testing;

namespace {

std::string sub(const std::string& pattern, const std::string& replacement,
                const std::string& text) {
  auto compiled = RegexSub::compile(pattern, replacement);
  REQUIRE(compiled.ok());
  auto result = compiled->apply(text);
  REQUIRE(result.ok());
  return *result;
}

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

TEST_CASE("re.sub: group references in every Python spelling", "[check]") {
  CHECK(sub(R"((a)(b))", R"(\2\1)", "xaby") == "xbay");
  CHECK(sub(R"((a)(b))", R"(\g<2>\g<1>0)", "ab") == "ba0");
  CHECK(sub(R"((?P<first>a)b)", R"([\g<first>])", "abab") == "[a][a]");
  CHECK(sub(R"(a)", R"(\g<0>\g<0>)", "bab") == "baab");
  // A group that did not take part substitutes as "".
  CHECK(sub(R"((a)|(b))", R"(<\1\2>)", "ab") == "<a><b>");
}

TEST_CASE("re.sub: Python escapes in the replacement", "[check]") {
  CHECK(sub("x", R"(\n\t\\)", "x") == "\n\t\\");
  CHECK(sub("x", R"(\-)", "x") == "\\-"); // unknown non-letter escapes stay as written
  CHECK(sub("x", R"(\101)", "x") == "A"); // three octal digits
  CHECK(sub("x", R"(\0)", "x") == std::string(1, '\0'));
  CHECK_FALSE(RegexSub::compile("x", R"(\q)").ok());
  CHECK_FALSE(RegexSub::compile("(x)", R"(\2)").ok());
  CHECK_FALSE(RegexSub::compile("(x)", R"(\g<nope>)").ok());
  CHECK_FALSE(RegexSub::compile("x", "\\").ok());
  CHECK_FALSE(RegexSub::compile("(x)", R"(\g<99999999999999999999>)").ok());
}

TEST_CASE("re.sub: empty matches behave as in Python 3.7+", "[check]") {
  CHECK(sub("x*", "-", "abxd") == "-a-b--d-");
  CHECK(sub("", "-", "") == "-");
  CHECK(sub("^", ">", "a\nb") == ">a\nb");
  CHECK(sub("(?m)^", ">", "a\nb\n") == ">a\n>b\n>");
  CHECK(sub("x*", "-", "éa") == "-é-a-"); // stepping over a multi-byte character
  CHECK(sub("é*", "-", "aé") == "-a--");
}

TEST_CASE("re.sub: Python pattern spellings PCRE2 reads differently", "[check]") {
  CHECK(sub(R"(a\Z)", "X", "a\na") == "a\nX");
  CHECK(sub(R"(a\Z)", "X", "a\n") == "a\n");   // \Z is the very end, unlike PCRE2's
  CHECK(sub(R"(a{,2})", "X", "aaa") == "XXX"); // {,2} = {0,2}: "aa", "a", then ""
  CHECK(sub(R"(\d+)", "N", "x٣4") == "xN");    // \d is Unicode, as for Python str
  CHECK(sub(".", "X", "a\rb\n") == "XXX\n");   // '.' stops only at '\n'
  CHECK(sub(R"(\u00e9)", "e", "café") == "cafe");
}

TEST_CASE("a bad regex is an error", "[check]") {
  auto compiled = RegexSub::compile("(unclosed", "x");
  REQUIRE_FALSE(compiled.ok());
  CHECK(compiled.error().message.find("(unclosed") != std::string::npos);
}

TEST_CASE("sanitizer files: regex line directly followed by replace line", "[check]") {
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

TEST_CASE("sanitize_defaults.cfg parses into its six rules", "[check]") {
  auto rules = read_sanitize_file(corpus("sanitize_defaults.cfg"));
  REQUIRE(rules.ok());
  REQUIRE(rules->size() == 6);
  CHECK((*rules)[0].regex == R"(\d\d\d\d-\d\d-\d\d)");
  CHECK((*rules)[0].replace == "DATESTAMP");
  CHECK((*rules)[4].replace == R"(\1MEMORY_ADDRESS\3)");
  CHECK((*rules)[5].replace == R"(\1WIDTHxHEIGHT\2)");
}

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

TEST_CASE("a missing sanitizer file is an error naming it", "[check]") {
  auto rules = read_sanitize_file("/nonexistent/x.cfg");
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.error().where == "/nonexistent/x.cfg");
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
