// Numbers compared with a tolerance once the text around them matches, like
// pytest-doctestplus's FLOAT_CMP: |got - want| <= atol + rtol * |want|.
//
// Text is split into a skeleton and the numbers in it. Whitespace next to a number is not
// part of the skeleton, so numpy's fixed-width padding ("[ 1.0000  2.5]" vs "[1.00001 2.5]")
// does not matter. A number is a decimal integer or float (optional sign, fraction, exponent)
// or nan/inf, not glued to a letter, digit, '_' or '.' (so "float64" and "1.2.3" stay text).
#pragma once

#include "support/result.hpp"

#include <string_view>

namespace docnb::check {

struct FloatTolerance {
  double rtol = 1e-5;
  double atol = 1e-8;
};

// Parses "rtol" or "rtol,atol"; an empty spec gives the defaults.
[[nodiscard]] Result<FloatTolerance> parse_float_tolerance(std::string_view spec);

// Whether `got` matches `want` (the stored text) under `tolerance`.
[[nodiscard]] bool matches_with_tolerance(std::string_view want, std::string_view got,
                                          const FloatTolerance& tolerance);

} // namespace docnb::check
