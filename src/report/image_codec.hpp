// PNG and JPEG images as RGBA pixels and back (libpng's simplified API, libjpeg): the report
// decodes an expected and a got image to compare them, and encodes their difference.
#pragma once

#include "support/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

struct Pixels {
  std::size_t width = 0;
  std::size_t height = 0;
  std::vector<std::uint8_t> rgba; // width * height * 4 bytes, rows top to bottom
};

// Images larger than this (in pixels) are not decoded: a small file can claim a huge canvas.
constexpr std::size_t largest_decoded_image = std::size_t{1} << 25;

[[nodiscard]] Result<Pixels> decode_png(std::string_view bytes);
[[nodiscard]] Result<Pixels> decode_jpeg(std::string_view bytes);

// By MIME type: "image/png" or "image/jpeg".
[[nodiscard]] Result<Pixels> decode_image(std::string_view mime, std::string_view bytes);

[[nodiscard]] Result<std::string> encode_png(const Pixels& pixels);

} // namespace docnb
