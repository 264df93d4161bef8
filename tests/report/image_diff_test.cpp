// Image decoding, encoding and pixel differences, on images made here and encoded by libpng.
#include "report/image_diff.hpp"
#include "report_fixtures.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

using namespace docnb;
using docnb::testing::filled;

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
