#include "protocol/json_parse.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using Json = nlohmann::json;

TEST_CASE("frames parse to the value Json::parse gives", "[protocol]") {
  for (const char* text :
       {R"({"a": [1, -2, 3.5, true, false, null, "s", {"b": {}}, []], "c": "\u00e9\n"})",
        R"({"text": "x", "text": "last wins"})", R"([[[]]])", R"("alone")", "12", "null",
        R"({"big": 18446744073709551615, "neg": -9223372036854775808})"}) {
    const std::optional<Json> parsed = parse_json_moving_strings(text);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == Json::parse(text));
  }
}

TEST_CASE("text that is not JSON gives no value", "[protocol]") {
  for (const char* text : {"", "{", R"({"a": })", R"({"a": 1} trailing)", "[1,]", "\"\xff\""}) {
    CHECK_FALSE(parse_json_moving_strings(text).has_value());
  }
}
