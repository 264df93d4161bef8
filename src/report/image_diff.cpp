#include "report/image_diff.hpp"

#include <algorithm>
#include <cstring>

namespace docnb {
namespace {

const std::uint8_t* pixel_at(const Pixels& image, std::size_t x, std::size_t y) {
  if (x >= image.width || y >= image.height) return nullptr;
  return image.rgba.data() + (y * image.width + x) * 4;
}

// A light grey of the pixel's luminance, so that the red marks stand out on the context.
void faded(const std::uint8_t* pixel, std::uint8_t* out) {
  const unsigned luminance = (299U * pixel[0] + 587U * pixel[1] + 114U * pixel[2]) / 1000U;
  // Composite on white first: transparent regions read as the white a page shows them on.
  const unsigned on_white = (luminance * pixel[3] + 255U * (255U - pixel[3])) / 255U;
  const auto grey = static_cast<std::uint8_t>(255U - (255U - on_white) / 3U);
  out[0] = out[1] = out[2] = grey;
  out[3] = 255;
}

} // namespace

ImageDiff diff_images(const Pixels& expected, const Pixels& got) {
  ImageDiff diff;
  Pixels& canvas = diff.difference;
  canvas.width = std::max(expected.width, got.width);
  canvas.height = std::max(expected.height, got.height);
  canvas.rgba.assign(canvas.width * canvas.height * 4, 255);
  diff.total = canvas.width * canvas.height;
  for (std::size_t y = 0; y < canvas.height; ++y) {
    for (std::size_t x = 0; x < canvas.width; ++x) {
      const std::uint8_t* a = pixel_at(expected, x, y);
      const std::uint8_t* b = pixel_at(got, x, y);
      std::uint8_t* out = canvas.rgba.data() + (y * canvas.width + x) * 4;
      const bool same = a != nullptr && b != nullptr && std::memcmp(a, b, 4) == 0;
      if (same) {
        faded(a, out);
        continue;
      }
      ++diff.differing;
      out[0] = 230;
      out[1] = out[2] = 0;
      out[3] = 255;
    }
  }
  return diff;
}

} // namespace docnb
