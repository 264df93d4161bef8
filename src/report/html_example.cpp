#include "report/html_example.hpp"

#include "report/ansi_html.hpp"
#include "report/comparison_html.hpp"
#include "report/html_escape.hpp"
#include "report/output_html.hpp"

#include <cstdio>

namespace docnb {
namespace {

using Json = nlohmann::json;

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  std::size_t at = text.find(from);
  while (at != std::string::npos) {
    text.replace(at, from.size(), to);
    at = text.find(from, at + to.size());
  }
}

const char* badge_text(const std::string& status) {
  if (status == "failed") return "FAIL";
  if (status == "skipped") return "SKIP";
  return "PASS";
}

std::string where_label(const Json& example) {
  const std::string file = example.value("file", "");
  const std::size_t line = example.value("line", std::size_t{0});
  if (example.value("located", "") == "line") return file + ":" + std::to_string(line);
  return file + ", cell " + std::to_string(example.value("cell", line));
}

// The example's own name where its id says more than its place: a docstring example's
// "Class.method:0", not a notebook's "Cell 3" or a page's "file:line".
std::string own_name(const Json& example) {
  const std::string id = example.value("example", "");
  const std::string file = example.value("file", "");
  if (id.starts_with(file + "::")) {
    const std::string name = id.substr(file.size() + 2);
    return name.starts_with("Cell ") ? std::string() : name;
  }
  return id.starts_with(file + ":") || id.starts_with("cell ") ? std::string() : id;
}

std::string part_html(const Json& part, const std::string& status) {
  std::string html = "<div class=\"part\"><p class=\"part-head\">cell " +
                     std::to_string(part.value("cell", std::size_t{0}));
  const Json normalisations = part.value("normalisations", Json::array());
  if (!normalisations.empty() && status != "skipped") {
    std::string names;
    for (const Json& name : normalisations)
      names += (names.empty() ? "" : ", ") + name.get<std::string>();
    html += " · compared with: <span class=\"normalisations\">" + escape_html(names) + "</span>";
  }
  html += "</p><pre class=\"code\">" + escape_html(part.value("code", "")) + "</pre>";
  const Json got = part.value("got", Json::array());
  if (status == "failed") {
    const Json want = part.value("want", Json());
    html += comparison_html(
        part.value("expected", Json::array()),
        want.is_string() ? std::optional(want.get<std::string>()) : std::nullopt, got);
  } else {
    html += outputs_html(got);
  }
  return html + "</div>";
}

std::string details_html(const Json& details) {
  if (details.empty()) return {};
  std::string text;
  for (const Json& detail : details)
    text += (text.empty() ? "" : "\n") + detail.get<std::string>();
  return "<details class=\"as-text\" open data-collapsed><summary>the difference as "
         "text</summary><pre>" +
         ansi_to_html(text) + "</pre></details>";
}

} // namespace

std::string SourceLinks::href(const std::string& file, std::size_t line) const {
  if (file.starts_with("/")) return escape_html("file://" + percent_encode_path(file));
  if (url_template.empty()) return escape_html(base + percent_encode_path(file));
  std::string url = url_template;
  replace_all(url, "{path}", percent_encode_path(file));
  replace_all(url, "{line}", std::to_string(line == 0 ? 1 : line));
  return escape_html(url);
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

std::string example_html(const Json& example, std::size_t index, const SourceLinks& links) {
  const std::string status = example.value("status", "");
  const std::string file = example.value("file", "");
  const bool at_line = example.value("located", "") == "line";
  const std::size_t line = at_line ? example.value("line", std::size_t{0}) : 0;
  std::string html = "<article class=\"example " + escape_html(status) + "\" id=\"example-" +
                     std::to_string(index) + "\">";
  // Only failures start open once the script runs; without it every example is open.
  html += std::string("<details open") + (status == "failed" ? "" : " data-collapsed") + ">";
  html += "<summary><span class=\"badge " + escape_html(status) + "\">" + badge_text(status) +
          "</span> <a class=\"where\" href=\"" + links.href(file, line) + "\">" +
          escape_html(where_label(example)) + "</a>";
  if (const std::string name = own_name(example); !name.empty())
    html += " <span class=\"name\">" + escape_html(name) + "</span>";
  if (const std::string first = example.value("first_line", ""); !first.empty())
    html += " <code class=\"first-line\">" + escape_html(first) + "</code>";
  html += " <span class=\"seconds\">" + seconds_text(example.value("seconds", 0.0)) + "</span>";
  html += "</summary><div>";
  if (const std::string reason = example.value("reason", ""); !reason.empty())
    html += "<p class=\"reason\">" + ansi_to_html(reason) + "</p>";
  for (const Json& part : example.value("parts", Json::array()))
    html += part_html(part, status);
  if (status == "failed") html += details_html(example.value("details", Json::array()));
  return html + "</div></details></article>\n";
}

} // namespace docnb
