// PNG and JPEG to pixels and back: what libpng writes here reads back the same, and bytes that
// are no image are errors.
#include "report/image_codec.hpp"
#include "report_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using docnb::testing::filled;

TEST_CASE("a PNG encoded here decodes to the same pixels", "[report][image_codec]") {
  Pixels image = filled(7, 3, 10);
  image.rgba[4 * 5 + 1] = 99;
  const Result<std::string> png = encode_png(image);
  REQUIRE(png);
  CHECK(png->starts_with("\x89PNG"));
  const Result<Pixels> back = decode_image("image/png", *png);
  REQUIRE(back);
  CHECK(back->width == 7);
  CHECK(back->height == 3);
  CHECK(back->rgba == image.rgba);
}

TEST_CASE("bytes that are no image are errors, not crashes", "[report][image_codec]") {
  CHECK_FALSE(decode_png("not a png"));
  CHECK_FALSE(decode_png(""));
  CHECK_FALSE(decode_jpeg("not a jpeg"));
  CHECK_FALSE(decode_jpeg("\xff\xd8\xff\xe0 truncated"));
  CHECK_FALSE(decode_image("image/gif", "GIF89a"));
  const Result<std::string> png = encode_png(filled(4, 4, 0));
  REQUIRE(png);
  CHECK_FALSE(decode_png(png->substr(0, png->size() / 2)));
}
