#include "check/float_tolerance.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;

TEST_CASE("float tolerance spec: rtol[,atol] with doctestplus defaults", "[check]") {
  auto defaults = parse_float_tolerance("");
  REQUIRE(defaults.ok());
  CHECK(defaults->rtol == 1e-5);
  CHECK(defaults->atol == 1e-8);
  auto rtol_only = parse_float_tolerance("1e-3");
  REQUIRE(rtol_only.ok());
  CHECK(rtol_only->rtol == 1e-3);
  CHECK(rtol_only->atol == 1e-8);
  auto both = parse_float_tolerance("0.01,0.5");
  REQUIRE(both.ok());
  CHECK(both->atol == 0.5);
  CHECK_FALSE(parse_float_tolerance("abc").ok());
  CHECK_FALSE(parse_float_tolerance("1e-3,").ok());
  CHECK_FALSE(parse_float_tolerance("-1").ok());
}

TEST_CASE("numbers within tolerance match once the text around them matches", "[check]") {
  const FloatTolerance t;
  CHECK(matches_with_tolerance("0.1 + 0.2 = 0.3", "0.1 + 0.2 = 0.30000000000000004", t));
  CHECK(matches_with_tolerance("x = 1e-3", "x = 0.001000001", t));
  CHECK_FALSE(matches_with_tolerance("x = 1.0", "x = 1.1", t));
  CHECK_FALSE(matches_with_tolerance("mean 1.0", "median 1.0", t));
  CHECK_FALSE(matches_with_tolerance("1.0 2.0", "1.0", t));
  CHECK(matches_with_tolerance("nan inf -inf", "nan inf -inf", t));
  CHECK_FALSE(matches_with_tolerance("inf", "-inf", t));
  CHECK(matches_with_tolerance("float64 v1.2.3", "float64 v1.2.3", t));
  CHECK_FALSE(matches_with_tolerance("float64", "float32", t));
  CHECK_FALSE(matches_with_tolerance("v1.2.3", "v1.2.4", t));
  CHECK(matches_with_tolerance("1.5", "1.6", FloatTolerance{0.1, 0}));
}

TEST_CASE("numpy's fixed-width padding does not matter", "[check]") {
  const FloatTolerance t;
  CHECK(matches_with_tolerance("[ 1.0000  2.5]", "[1.00001 2.5]", t));
  CHECK(matches_with_tolerance("array([ 0.1,  2. , -3. ])",
                               "array([ 0.1000001,  2.       , -3.       ])", t));
  CHECK(matches_with_tolerance("[[ 1.  2.]\n [ 3.  4.]]", "[[1. 2.]\n [3. 4.]]", t));
  // Numbers still have to be separated: "12" is one number, "1 2" two.
  CHECK_FALSE(matches_with_tolerance("[1 2]", "[12]", t));
}
