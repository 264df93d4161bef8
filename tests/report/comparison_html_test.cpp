#include "report/comparison_html.hpp"
#include "report/image_codec.hpp"
#include "support/base64.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using Json = nlohmann::json;

namespace {

Json stream(const std::string& text) {
  return Json::array({Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", text}}});
}

Json display(const std::string& mime, const std::string& value) {
  return Json::array({Json{{"output_type", "display_data"}, {"data", {{mime, value}}}}});
}

std::string png_of(std::uint8_t red) {
  Pixels pixels;
  pixels.width = 2;
  pixels.height = 2;
  pixels.rgba.assign(16, 255);
  pixels.rgba[0] = red;
  return base64_encode(*encode_png(pixels));
}

bool has(const std::string& html, const std::string& part) {
  return html.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("text fields get a line diff, equal fields are shown once", "[report]") {
  const std::string html = comparison_html(stream("a\nb\n"), std::nullopt, stream("a\nc\n"));
  CHECK(has(html, "<h4>stdout</h4><table class=\"diff\">"));
  CHECK(has(html, "<tr class=\"changed\">"));
  const std::string same = comparison_html(stream("x\n"), std::nullopt, stream("x\n"));
  CHECK(has(same, "the same on both sides"));
  CHECK_FALSE(has(same, "<table"));
}

TEST_CASE("a field on one side only is paired with nothing", "[report]") {
  const Json error =
      Json::array({Json{{"output_type", "error"}, {"ename", "ValueError"}, {"evalue", "bad"}}});
  const std::string html = comparison_html(stream("ok\n"), std::nullopt, error);
  CHECK(has(html, "<h4>stdout</h4>"));
  CHECK(has(html, "<h4>error</h4>"));
  CHECK(has(html, "<figcaption>got</figcaption><p class=\"none\">(none)</p>"));
  CHECK(has(html, "<figcaption>expected</figcaption><p class=\"none\">(none)</p>"));
  CHECK(has(html, "ValueError: bad"));
}

TEST_CASE("HTML outputs render side by side in sandboxed frames, their sources diffed",
          "[report]") {
  const std::string html =
      comparison_html(display("text/html", "<table><th>a</th></table>"), std::nullopt,
                      display("text/html", "<table><th>b</th></table>"));
  CHECK(has(html, "<div class=\"pair\"><figure><figcaption>expected</figcaption><iframe"));
  CHECK(has(html, "<details class=\"source-diff\""));
  CHECK_FALSE(has(html, "<table><th>")); // only inside srcdoc, escaped
}

TEST_CASE("PNG images get a difference image and the share of pixels that differ", "[report]") {
  const std::string html = comparison_html(display("image/png", png_of(0)), std::nullopt,
                                           display("image/png", png_of(9)));
  CHECK(has(html, "<span class=\"share\">25.00%</span> of pixels differ (1 of 4; 2×2 expected, "
                  "2×2 got)"));
  CHECK(has(html, "alt=\"pixel difference\" src=\"data:image/png;base64,iVBOR"));
}

TEST_CASE("images that do not decode are shown without a difference", "[report]") {
  const std::string html = image_comparison_html("image/png", "bm90IGEgcG5n", png_of(1));
  CHECK(has(html, "no pixel difference: not a PNG image"));
  CHECK(has(html, "<figcaption>got</figcaption><img"));
  CHECK(has(image_comparison_html("image/jpeg", "***", "***"), "not base64"));
}

TEST_CASE("a doctest want is compared with what the part printed", "[report]") {
  const Json got = Json::parse(R"([
    {"output_type": "stream", "name": "stdout", "text": "printed\n"},
    {"output_type": "execute_result", "data": {"text/plain": "42"}}
  ])");
  const std::string html = comparison_html(Json::array(), std::string("printed\n41"), got);
  CHECK(has(html, "<h4>printed</h4>"));
  CHECK(has(html, "<td class=\"old\">4<mark>1</mark></td><td class=\"new\">4<mark>2</mark></td>"));
}

TEST_CASE("a text diff of values cut short says how much of each is shown", "[report]") {
  Json expected = stream("aaa");
  expected[0]["truncated"] = Json{{"text", 300'000}};
  const std::string html = comparison_html(expected, std::nullopt, stream("bbb"));
  CHECK(has(html, "<p class=\"cut\">expected: 3 B of 300.0 kB shown"));
  CHECK_FALSE(has(html, "got: "));
}
