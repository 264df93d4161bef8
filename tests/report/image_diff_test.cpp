// Image decoding, encoding and pixel differences, on images made here and encoded by libpng.
#include "report/image_diff.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

using namespace docnb;

namespace {

Pixels filled(std::size_t width, std::size_t height, std::uint8_t red) {
  Pixels pixels;
  pixels.width = width;
  pixels.height = height;
  pixels.rgba.assign(width * height * 4, 255);
  for (std::size_t i = 0; i < width * height; ++i)
    pixels.rgba[i * 4] = red;
  return pixels;
}

} // namespace

TEST_CASE("a PNG encoded here decodes to the same pixels", "[report]") {
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

TEST_CASE("bytes that are no image are errors, not crashes", "[report]") {
  CHECK_FALSE(decode_png("not a png"));
  CHECK_FALSE(decode_png(""));
  CHECK_FALSE(decode_jpeg("not a jpeg"));
  CHECK_FALSE(decode_jpeg("\xff\xd8\xff\xe0 truncated"));
  CHECK_FALSE(decode_image("image/gif", "GIF89a"));
  const Result<std::string> png = encode_png(filled(4, 4, 0));
  REQUIRE(png);
  CHECK_FALSE(decode_png(png->substr(0, png->size() / 2)));
}

TEST_CASE("identical images differ nowhere", "[report]") {
  const ImageDiff diff = diff_images(filled(4, 2, 5), filled(4, 2, 5));
  CHECK(diff.differing == 0);
  CHECK(diff.total == 8);
  CHECK(diff.share() == 0.0);
  CHECK(diff.difference.width == 4);
  // Context is a light grey, never the red of a difference.
  CHECK(diff.difference.rgba[0] == diff.difference.rgba[1]);
}

TEST_CASE("changed pixels are counted and painted red", "[report]") {
  Pixels got = filled(4, 2, 5);
  got.rgba[0] = 200;       // pixel (0, 0)
  got.rgba[4 * 7 + 3] = 0; // pixel (3, 1): only its alpha
  const ImageDiff diff = diff_images(filled(4, 2, 5), got);
  CHECK(diff.differing == 2);
  CHECK(diff.share() == 0.25);
  const std::vector<std::uint8_t>& out = diff.difference.rgba;
  CHECK((out[0] == 230 && out[1] == 0 && out[2] == 0));
  CHECK((out[4] != 230 || out[5] != 0)); // pixel (1, 0) is context
}

TEST_CASE("images of different sizes are compared on a canvas holding both", "[report]") {
  const ImageDiff diff = diff_images(filled(2, 2, 5), filled(3, 1, 5));
  CHECK(diff.difference.width == 3);
  CHECK(diff.difference.height == 2);
  CHECK(diff.total == 6);
  CHECK(diff.differing == 4); // (2,0) only in got; (0,1) and (1,1) only in expected; (2,1) in none
}

TEST_CASE("a JPEG decodes to its size and, within its loss, its colours", "[report]") {
  std::ifstream file(std::string(DOCNB_SOURCE_DIR) + "/tests/fixtures/html/tiny.jpg",
                     std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), {});
  const Result<Pixels> image = decode_image("image/jpeg", bytes);
  REQUIRE(image);
  CHECK(image->width == 12);
  CHECK(image->height == 8);
  // Left half blue, right half red (12x8, drawn by PIL at quality 95).
  const auto at = [&](std::size_t x, std::size_t y, std::size_t channel) {
    return static_cast<int>(image->rgba[(y * 12 + x) * 4 + channel]);
  };
  CHECK(at(1, 4, 2) > 150);
  CHECK(at(1, 4, 0) < 100);
  CHECK(at(10, 4, 0) > 150);
  CHECK(at(10, 4, 2) < 100);
  CHECK(at(10, 4, 3) == 255);
  // A JPEG against a slightly different copy of itself: every pixel compared, some differ.
  Pixels changed = *image;
  changed.rgba[0] ^= 0xFF;
  CHECK(diff_images(*image, changed).differing == 1);
}
