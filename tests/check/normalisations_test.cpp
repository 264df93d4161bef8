#include "check/normalisations.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;
using Names = std::vector<std::string>;

TEST_CASE("a doctest part names the directives in force", "[check]") {
  DoctestOptions options; // xdoctest's defaults
  CHECK(doctest_normalisations(options) ==
        Names{"ELLIPSIS", "NORMALIZE_WHITESPACE", "NORMALIZE_REPR"});
  options.ellipsis = false;
  options.float_cmp = true;
  options.ignore_exception_detail = true;
  CHECK(doctest_normalisations(options) ==
        Names{"NORMALIZE_WHITESPACE", "NORMALIZE_REPR", "IGNORE_EXCEPTION_DETAIL", "FLOAT_CMP"});
}

TEST_CASE("a notebook cell names nbval's rules and the run's options", "[check]") {
  CompareOptions options;
  CellPolicy policy;
  CHECK(output_normalisations(options, policy) == Names{"streams merged", "images not compared"});
  options.fields.check_images = true;
  options.fields.skip_keys = {"stderr"};
  options.float_tolerance = FloatTolerance{0.001, 0};
  policy.raises_exception = true;
  CHECK(output_normalisations(options, policy) ==
        Names{"streams merged", "float tolerance rtol=0.001 atol=0", "stderr not compared",
              "an error is expected"});
  policy.compare_outputs = false;
  CHECK(output_normalisations(options, policy) == Names{"outputs not compared"});
}

TEST_CASE("sanitizer rules are counted", "[check]") {
  CompareOptions options;
  options.fields.check_images = true;
  docnb::Result<Sanitizer> sanitizer = Sanitizer::compile({{"0x[0-9a-f]+", "ADDR", "f:1"}});
  REQUIRE(sanitizer);
  options.sanitizer = *sanitizer;
  CHECK(output_normalisations(options, CellPolicy{}) ==
        Names{"streams merged", "sanitized by 1 rule"});
}
