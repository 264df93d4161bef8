// Python's re.sub on PCRE2: nbval's sanitizer files are written for it.
#include "check/regex_sub.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;

namespace {

std::string sub(const std::string& pattern, const std::string& replacement,
                const std::string& text) {
  auto compiled = RegexSub::compile(pattern, replacement);
  REQUIRE(compiled.ok());
  auto result = compiled->apply(text);
  REQUIRE(result.ok());
  return *result;
}

} // namespace

TEST_CASE("re.sub: group references in every Python spelling", "[check][regex_sub]") {
  CHECK(sub(R"((a)(b))", R"(\2\1)", "xaby") == "xbay");
  CHECK(sub(R"((a)(b))", R"(\g<2>\g<1>0)", "ab") == "ba0");
  CHECK(sub(R"((?P<first>a)b)", R"([\g<first>])", "abab") == "[a][a]");
  CHECK(sub(R"(a)", R"(\g<0>\g<0>)", "bab") == "baab");
  // A group that did not take part substitutes as "".
  CHECK(sub(R"((a)|(b))", R"(<\1\2>)", "ab") == "<a><b>");
}

TEST_CASE("re.sub: Python escapes in the replacement", "[check][regex_sub]") {
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

TEST_CASE("re.sub: empty matches behave as in Python 3.7+", "[check][regex_sub]") {
  CHECK(sub("x*", "-", "abxd") == "-a-b--d-");
  CHECK(sub("", "-", "") == "-");
  CHECK(sub("^", ">", "a\nb") == ">a\nb");
  CHECK(sub("(?m)^", ">", "a\nb\n") == ">a\n>b\n>");
  CHECK(sub("x*", "-", "éa") == "-é-a-"); // stepping over a multi-byte character
  CHECK(sub("é*", "-", "aé") == "-a--");
}

TEST_CASE("re.sub: Python pattern spellings PCRE2 reads differently", "[check][regex_sub]") {
  CHECK(sub(R"(a\Z)", "X", "a\na") == "a\nX");
  CHECK(sub(R"(a\Z)", "X", "a\n") == "a\n");   // \Z is the very end, unlike PCRE2's
  CHECK(sub(R"(a{,2})", "X", "aaa") == "XXX"); // {,2} = {0,2}: "aa", "a", then ""
  CHECK(sub(R"(\d+)", "N", "x٣4") == "xN");    // \d is Unicode, as for Python str
  CHECK(sub(".", "X", "a\rb\n") == "XXX\n");   // '.' stops only at '\n'
  CHECK(sub(R"(\u00e9)", "e", "café") == "cafe");
}

TEST_CASE("a bad regex is an error", "[check][regex_sub]") {
  auto compiled = RegexSub::compile("(unclosed", "x");
  REQUIRE_FALSE(compiled.ok());
  CHECK(compiled.error().message.find("(unclosed") != std::string::npos);
}
