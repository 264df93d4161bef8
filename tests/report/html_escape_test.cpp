#include "report/html_escape.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("markup, quotes and ampersands are escaped for text and attributes", "[report]") {
  CHECK(escape_html(R"(<script>alert("x")</script> & 'y')") ==
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  CHECK(escape_html("\"><img src=x onerror=alert(1)>") ==
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  CHECK(escape_html("plain π ✓") == "plain π ✓");
}

TEST_CASE("control characters become visible pictures, layout characters stay", "[report]") {
  CHECK(escape_html(std::string("a\0b", 3)) == "a\xe2\x90\x80"
                                               "b");
  CHECK(escape_html("\x1b[31m") == "\xe2\x90\x9b[31m");
  CHECK(escape_html("\x7f") == "\xe2\x90\xa1");
  CHECK(escape_html("\t\n\r") == "\t\n\r");
}

TEST_CASE("paths become URL paths that cannot change scheme or break out", "[report]") {
  CHECK(percent_encode_path("docs/intro.md") == "docs/intro.md");
  CHECK(percent_encode_path("\"><script>alert(1)</script>.md") ==
        "%22%3E%3Cscript%3Ealert%281%29%3C/script%3E.md");
  CHECK(percent_encode_path("javascript:alert(1)") == "javascript%3Aalert%281%29");
  CHECK(percent_encode_path("a b#c?.md") == "a%20b%23c%3F.md");
  CHECK(percent_encode_path("π.md") == "%CF%80.md");
}

TEST_CASE("only http and https URLs are web links", "[report]") {
  CHECK(is_web_url("https://github.com/o/r/blob/x/{path}#L{line}"));
  CHECK(is_web_url("http://example.org/"));
  CHECK_FALSE(is_web_url("javascript:alert(1)"));
  CHECK_FALSE(is_web_url("data:text/html,x"));
  CHECK_FALSE(is_web_url("HTTPS:x"));
}
