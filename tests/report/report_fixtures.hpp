// Verdicts and images as the reports receive them, for the tests of the report writers.
#pragma once

#include "check/verdict.hpp"
#include "notebook/source_map.hpp"
#include "report/image_codec.hpp"

#include <cstdint>
#include <string>

namespace docnb::testing {

// The verdict of code cell `cell` of the notebook at `path`, its line the cell's index.
inline Verdict cell_verdict(const std::string& path, std::size_t cell, Outcome outcome,
                            std::string reason, double seconds) {
  Verdict v;
  v.cell = cell;
  v.outcome = outcome;
  v.reason = std::move(reason);
  v.example = ExampleId::cell(path, cell);
  v.line = cell;
  v.seconds = seconds;
  return v;
}

// A width x height image, opaque, every pixel of red `red` and full green and blue.
inline Pixels filled(std::size_t width, std::size_t height, std::uint8_t red) {
  Pixels pixels;
  pixels.width = width;
  pixels.height = height;
  pixels.rgba.assign(width * height * 4, 255);
  for (std::size_t i = 0; i < width * height; ++i)
    pixels.rgba[i * 4] = red;
  return pixels;
}

} // namespace docnb::testing
