#include "report/output_html.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using Json = nlohmann::json;

TEST_CASE("streams, results and errors render as escaped, coloured text", "[report]") {
  const Json outputs = Json::parse(R"([
    {"output_type": "stream", "name": "stdout", "text": "<b>1</b>\n"},
    {"output_type": "stream", "name": "stderr", "text": "warn"},
    {"output_type": "execute_result", "data": {"text/plain": "'</pre>'"}},
    {"output_type": "error", "ename": "E", "evalue": "v",
     "traceback": ["\u001b[31mE\u001b[0m", "line"]}
  ])");
  const std::string html = outputs_html(outputs);
  CHECK(html.find("<pre class=\"output stdout\">&lt;b&gt;1&lt;/b&gt;\n</pre>") !=
        std::string::npos);
  CHECK(html.find("<pre class=\"output stderr\">warn</pre>") != std::string::npos);
  CHECK(html.find("<pre class=\"output text\">&#39;&lt;/pre&gt;&#39;</pre>") != std::string::npos);
  CHECK(html.find("<pre class=\"output error\"><span class=\"ansi-fg-1\">E</span>\nline</pre>") !=
        std::string::npos);
}

TEST_CASE("a display shows its richest representation", "[report]") {
  CHECK(richest_mime(Json{{"text/plain", "p"}, {"text/html", "h"}}) == "text/html");
  CHECK(richest_mime(Json{{"text/plain", "p"}, {"image/png", "AAAA"}}) == "image/png");
  CHECK(richest_mime(Json{{"application/x-thing", "?"}}) == "application/x-thing");
  CHECK(richest_mime(Json::object()).empty());
  // Script is never a representation the report runs.
  CHECK(richest_mime(Json{{"application/javascript", "alert(1)"}, {"text/plain", "p"}}) ==
        "text/plain");
  const std::string html = outputs_html(Json::parse(
      R"([{"output_type": "display_data", "data": {"text/plain": "f", "image/png": "iVBO\nRw=="}}])"));
  CHECK(html == "<img class=\"output image\" alt=\"image/png output\" "
                "src=\"data:image/png;base64,iVBORw==\">");
}

TEST_CASE("an image's data URI holds base64 characters only", "[report]") {
  const std::string html = representation_html("image/png", "AA\" onerror=\"alert(1)");
  // The quote that would end the attribute is gone; the rest is harmless URI data.
  CHECK(html == "<img class=\"output image\" alt=\"image/png output\" "
                "src=\"data:image/png;base64,AAonerror=alert1\">");
}

TEST_CASE("values cut short say how much of them is shown", "[report]") {
  const std::string text = representation_html("text/html", "<b>partial", 2'500'000);
  CHECK(text.find("<iframe") == std::string::npos); // half a document is shown as text
  CHECK(text.find("&lt;b&gt;partial") != std::string::npos);
  CHECK(text.find("10 B of 2.5 MB shown") != std::string::npos);
  const std::string image = representation_html("image/png", "", 3'000'000);
  CHECK(image.find("image/png image of 3.0 MB not embedded") != std::string::npos);
  const Json cut = Json::parse(R"([{"output_type": "stream", "name": "stdout", "text": "abc",
                                    "truncated": {"text": 200000}}])");
  CHECK(outputs_html(cut).find("3 B of 200.0 kB shown") != std::string::npos);
}

TEST_CASE("sizes read as bytes, kilobytes or megabytes", "[report]") {
  CHECK(size_text(999) == "999 B");
  CHECK(size_text(1500) == "1.5 kB");
  CHECK(size_text(2'340'000) == "2.3 MB");
}

TEST_CASE("tracebacks join their lines, or fall back to the exception's line", "[report]") {
  CHECK(traceback_text(Json{{"traceback", {"a", "b"}}}) == "a\nb");
  CHECK(traceback_text(Json{{"ename", "KeyError"}, {"evalue", "'x'"}}) == "KeyError: 'x'");
  CHECK(traceback_text(Json{{"traceback", {1, "b"}}}) == "b");
}
