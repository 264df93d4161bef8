// Two images compared pixel by pixel, as pytest-mpl's summary shows them: an image of where
// they differ and the share of pixels that do.
#pragma once

#include "report/image_codec.hpp"

namespace docnb {

struct ImageDiff {
  // The expected image faded to grey, with every differing pixel in red. Images of different
  // sizes are compared on a canvas that holds both, where a pixel only one covers differs.
  Pixels difference;
  std::size_t differing = 0; // pixels
  std::size_t total = 0;     // pixels of the canvas

  [[nodiscard]] double share() const {
    return total == 0 ? 0.0 : static_cast<double>(differing) / static_cast<double>(total);
  }
};

[[nodiscard]] ImageDiff diff_images(const Pixels& expected, const Pixels& got);

} // namespace docnb
