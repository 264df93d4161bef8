// Large base64 payloads shown as a prefix, a hash and a size, as nbval's _trim_base64 does.
#include "check/base64_trim.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;

TEST_CASE("base64: well-formed payloads, newlines and padding allowed", "[check][base64]") {
  CHECK(looks_like_base64("aGVsbG8="));
  CHECK(looks_like_base64("aGVs\nbG8h"));
  CHECK(looks_like_base64("aGVsbA=="));
  CHECK_FALSE(looks_like_base64("aGVsbG8"));  // not a multiple of 4
  CHECK_FALSE(looks_like_base64("aGV=bG8h")); // padding only at the end
  CHECK_FALSE(looks_like_base64("a==="));     // at most two padding characters
  CHECK_FALSE(looks_like_base64("hello world!"));
}

TEST_CASE("base64: short or non-base64 text is kept, long payloads are trimmed",
          "[check][base64]") {
  CHECK(trim_base64("aGVsbG8=") == "aGVsbG8=");
  const std::string not_base64(100, '!');
  CHECK(trim_base64(not_base64) == not_base64);
  const std::string a(100, 'A');
  const std::string trimmed = trim_base64(a);
  CHECK_THAT(trimmed, Catch::StartsWith("AAAAAAAA...<snip base64, md5="));
  CHECK_THAT(trimmed, Catch::EndsWith("..., 100 chars>"));
  // The hash tells payloads of the same size and prefix apart.
  CHECK(trim_base64(std::string(96, 'A') + "BBBB") != trimmed);
}
