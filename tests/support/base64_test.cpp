#include "support/base64.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("base64 round-trips bytes of every length and value", "[support]") {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    bytes += static_cast<char>(i * 7 % 256);
    const Result<std::string> back = base64_decode(base64_encode(bytes));
    REQUIRE(back);
    CHECK(*back == bytes);
  }
}

TEST_CASE("base64 matches RFC 4648's vectors", "[support]") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  CHECK(*base64_decode("Zm9vYg==") == "foob");
}

TEST_CASE("base64 decoding skips line breaks and rejects what is not base64", "[support]") {
  CHECK(*base64_decode("Zm9v\nYmFy\n") == "foobar");
  CHECK_FALSE(base64_decode("Zm9"));
  CHECK_FALSE(base64_decode("Zm9v!!!!"));
}
