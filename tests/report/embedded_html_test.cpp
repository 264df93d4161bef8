#include "report/embedded_html.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("a document goes into a frame with an empty sandbox, escaped in srcdoc", "[report]") {
  const std::string frame = sandboxed_frame("<script>alert(\"x\")</script>", {100, 50}, "html");
  CHECK(frame.starts_with("<iframe class=\"output-frame html\" sandbox loading=\"lazy\""));
  CHECK(frame.find(" width=\"100\" height=\"50\"") != std::string::npos);
  CHECK(frame.find("<script") == std::string::npos);
  CHECK(frame.find("srcdoc=\"&lt;body style=&quot;margin:4px&quot;&gt;&lt;script&gt;alert("
                   "&quot;x&quot;)&lt;/script&gt;\"") != std::string::npos);
  // Nothing in the document can end the attribute or add one: no raw quote survives.
  CHECK(frame.find("\"></iframe>") == frame.rfind('"') - 0);
  CHECK(frame.find("allow-") == std::string::npos);
}

TEST_CASE("an SVG frame takes the size its root element declares", "[report]") {
  CHECK(svg_size(R"(<svg width="120" height="40">)").width == 120);
  CHECK(svg_size(R"(<svg width="120" height="40">)").height == 40);
  const FrameSize points = svg_size(
      R"(<?xml version="1.0"?><svg xmlns:xlink="x" width="460.8pt" height="345.6pt" viewBox="0 0 1 1">)");
  CHECK(points.width == 614);
  CHECK(points.height == 461);
  const FrameSize box = svg_size(R"(<svg viewBox="0 0 300,200"><rect width="9"/></svg>)");
  CHECK(box.width == 300);
  CHECK(box.height == 200);
  // `stroke-width` is not `width`; a wide drawing is scaled down as a whole.
  const FrameSize wide = svg_size(R"(<svg stroke-width="3" width="2400" height="100">)");
  CHECK(wide.width == 1200);
  CHECK(wide.height == 50);
  CHECK(svg_size("no svg here").width == 400);
  CHECK(svg_size(R"(<svg width="10em" height="5em">)").height == 300);
}

TEST_CASE("Markdown loses raw HTML and dangerous links but keeps data: images", "[report]") {
  const std::string html = markdown_to_safe_html(
      "[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org) "
      "<script>alert(2)</script> ![i](data:image/png;base64,AAAA)");
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("data:text/html") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("href=\"https://example.org\"") != std::string::npos);
  CHECK(html.find("src=\"data:image/png;base64,AAAA\"") != std::string::npos);
  CHECK(markdown_output_frame("**b**").find("&lt;strong&gt;b&lt;/strong&gt;") != std::string::npos);
}

TEST_CASE("an HTML frame grows with its rows, up to a limit", "[report]") {
  const auto height = [](const std::string& html) {
    const std::string frame = html_output_frame(html);
    const std::size_t at = frame.find("height=\"") + 8;
    return std::stoi(frame.substr(at, frame.find('"', at) - at));
  };
  CHECK(height("<b>x</b>") < height("<table><tr><td>1</td></tr><tr><td>2</td></tr></table>"));
  std::string huge;
  for (int i = 0; i < 1000; ++i)
    huge += "<tr><td>row</td></tr>";
  CHECK(height(huge) == 640);
}
