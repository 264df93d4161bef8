#include "check/streams.hpp"
#include "check_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;
using namespace docnb::check::testing;

TEST_CASE("streams merge per name into the first output of that name", "[check]") {
  const Json outputs =
      Json::array({stream("stderr", "Bar!\n"), stream("stdout", "Combo breaker!\n"), result("1"),
                   stream("stderr", "Foo!\n")});
  const Json merged = coalesce_streams(outputs);
  REQUIRE(merged.size() == 3);
  CHECK(merged[0]["name"] == "stderr");
  CHECK(merged[0]["text"] == "Bar!\nFoo!\n");
  CHECK(merged[1]["text"] == "Combo breaker!\n");
  CHECK(merged[2]["output_type"] == "execute_result");
}

TEST_CASE("stream text given as a list of lines is joined", "[check]") {
  Json output = stream("stdout", "");
  output["text"] = Json::array({"a\n", "b\n"});
  CHECK(coalesce_streams(Json::array({output}))[0]["text"] == "a\nb\n");
}

TEST_CASE("a carriage return followed by text on its line drops what came before", "[check]") {
  CHECK(apply_carriage_returns("10%\r50%\r100%\ndone\n") == "100%\ndone\n");
  CHECK(apply_carriage_returns("windows\r\nline\r\n") == "windows\r\nline\r\n");
  CHECK(apply_carriage_returns("trailing\r") == "trailing\r");
  CHECK(apply_carriage_returns("a\r\rb") == "b");
  CHECK(apply_carriage_returns("x\r\r\n") == "\r\n");
  // Flushes split across outputs are merged before the rule applies.
  const Json merged =
      coalesce_streams(Json::array({stream("stdout", "10%"), stream("stdout", "\r100%\n")}));
  CHECK(merged[0]["text"] == "100%\n");
}

TEST_CASE("backspaces are kept, as nbval (whose backspace pass never runs) keeps them", "[check]") {
  CHECK(coalesce_streams(Json::array({stream("stdout", "ab\bc\n")}))[0]["text"] == "ab\bc\n");
}
