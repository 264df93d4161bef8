#include "check/want_failure.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;

TEST_CASE("a want failure shows the sides as its rules compare them", "[check][rules]") {
  const docnb::Verdict trimmed = want_failure("differs", "a  \n\n", "a");
  CHECK(trimmed.outcome == docnb::Outcome::failed);
  CHECK(trimmed.details.size() == 1);
  CHECK(trimmed.details[0] == "expected (-) and got (+)\n"); // equal once trimmed: no hunk
  const docnb::Verdict exact = want_failure("differs", "a  \n", "a", DiffEnds::exact);
  CHECK(exact.details[0].find("-a  \n+a\n") != std::string::npos);
  CHECK(want_failure("raised").details.empty());
}
