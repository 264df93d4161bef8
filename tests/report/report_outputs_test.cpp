#include "report/report_outputs.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using Json = nlohmann::json;

TEST_CASE("outputs keep their shape, joined and merged, without metadata", "[report]") {
  const Json outputs = Json::parse(R"([
    {"output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"]},
    {"output_type": "stream", "name": "stdout", "text": "10%\r100%\n"},
    {"output_type": "execute_result", "execution_count": 3, "metadata": {"x": 1},
     "data": {"text/plain": ["1", "2"], "application/json": {"k": [1]}}},
    {"output_type": "error", "ename": "ValueError", "evalue": "bad",
     "traceback": ["\u001b[31mValueError\u001b[0m: bad"]}
  ])");
  const Json shown = report_outputs(outputs);
  REQUIRE(shown.size() == 3);
  CHECK(shown[0] == Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", "a\nb\n100%\n"}});
  CHECK(shown[1] == Json{{"output_type", "execute_result"},
                         {"data", {{"text/plain", "12"}, {"application/json", {{"k", {1}}}}}}});
  CHECK(shown[2]["traceback"] == outputs[3]["traceback"]);
  CHECK(shown[2]["ename"] == "ValueError");
  CHECK_FALSE(shown[2].contains("truncated"));
}

TEST_CASE("large text is cut on a character boundary with its size kept", "[report]") {
  const std::string big = "a" + std::string(report_text_limit, 'x') + "π";
  const Json shown = report_outputs(
      Json::array({Json{{"output_type", "display_data"}, {"data", {{"text/html", big}}}}}));
  const std::string kept = shown[0]["data"]["text/html"];
  CHECK(kept.size() <= report_text_limit);
  CHECK(shown[0]["truncated"] == Json{{"text/html", big.size()}});
  // Cutting inside "π" would leave half a character.
  std::string greek;
  while (greek.size() < report_text_limit + 10)
    greek += "π";
  const Json cut = report_outputs(
      Json::array({Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", greek}}}));
  const std::string text = cut[0]["text"];
  CHECK(text.size() % 2 == 0);
  CHECK(Json(text).dump().find("\\ufffd") == std::string::npos);
}

TEST_CASE("images too large to embed are left out, their size kept", "[report]") {
  const std::string huge(report_image_limit + 4, 'A');
  const Json shown = report_outputs(Json::array({Json{
      {"output_type", "display_data"}, {"data", {{"image/png", huge}, {"text/plain", "f"}}}}}));
  CHECK(shown[0]["data"]["image/png"] == "");
  CHECK(shown[0]["data"]["text/plain"] == "f");
  CHECK(shown[0]["truncated"] == Json{{"image/png", huge.size()}});
}

TEST_CASE("long tracebacks keep their first lines within the limit", "[report]") {
  Json traceback = Json::array();
  for (int i = 0; i < 30; ++i)
    traceback.push_back(std::string(report_text_limit / 10, 'f'));
  const Json shown = report_outputs(Json::array(
      {Json{{"output_type", "error"}, {"ename", "E"}, {"evalue", ""}, {"traceback", traceback}}}));
  CHECK(shown[0]["traceback"].size() == 10);
  CHECK(shown[0]["truncated"]["traceback"] == 30 * (report_text_limit / 10));
}

TEST_CASE("what is not a list of outputs shows nothing", "[report]") {
  CHECK(report_outputs(Json("x")) == Json::array());
  CHECK(report_outputs(Json::array({1, "a"})) == Json::array());
}
