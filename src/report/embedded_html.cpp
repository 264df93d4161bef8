#include "report/embedded_html.hpp"

#include "report/html_escape.hpp"

#include <algorithm>
#include <charconv>
#include <cmark.h>
#include <memory>

namespace docnb {
namespace {

constexpr FrameSize default_svg_size{400, 300};
constexpr int widest_frame = 1200;
constexpr int tallest_frame = 640;

std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos;
       at = text.find(what, at + what.size()))
    ++n;
  return n;
}

// The value of attribute `name` in `tag` (the text of one start tag), or empty.
std::string_view attribute(std::string_view tag, std::string_view name) {
  for (std::size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    const bool starts = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\n' ||
                                   tag[at - 1] == '\t' || tag[at - 1] == '\r');
    std::size_t equals = at + name.size();
    if (!starts || equals >= tag.size() || tag[equals] != '=') continue;
    const char quote = equals + 1 < tag.size() ? tag[equals + 1] : '\0';
    if (quote != '"' && quote != '\'') continue;
    const std::size_t end = tag.find(quote, equals + 2);
    if (end == std::string_view::npos) return {};
    return tag.substr(equals + 2, end - equals - 2);
  }
  return {};
}

// CSS pixels of a length such as "460.8pt", "300px" or "300"; 0 when it is no such length.
double pixels(std::string_view length) {
  double value = 0;
  const auto [end, error] = std::from_chars(length.data(), length.data() + length.size(), value);
  if (error != std::errc() || value <= 0) return 0;
  const std::string_view unit(end, static_cast<std::size_t>(length.data() + length.size() - end));
  if (unit.empty() || unit == "px") return value;
  if (unit == "pt") return value * 4.0 / 3.0;
  return 0;
}

} // namespace

std::string sandboxed_frame(std::string_view document, FrameSize size, std::string_view kind) {
  std::string frame = "<iframe class=\"output-frame " + escape_html(kind) +
                      "\" sandbox loading=\"lazy\" title=\"" + escape_html(kind) + " output\"";
  if (size.width > 0) frame += " width=\"" + std::to_string(size.width) + "\"";
  if (size.height > 0) frame += " height=\"" + std::to_string(size.height) + "\"";
  // The body's own margin would clip a frame sized to its content, and an SVG's line box
  // would add the height of a text line's descent.
  const char* body =
      kind == "svg" ? "<body style=\"margin:0;line-height:0\">" : "<body style=\"margin:4px\">";
  return frame + " srcdoc=\"" + escape_html(body) + escape_html(document) + "\"></iframe>";
}

std::string html_output_frame(std::string_view html) {
  // A frame cannot measure its sandboxed content; its rows and blocks are a fair guess.
  const std::size_t blocks = count(html, "<tr") + count(html, "<li") + count(html, "<p") +
                             count(html, "<br") + count(html, "<h") + count(html, "<div") +
                             count(html, "\n") / 2;
  const int height = static_cast<int>(std::min<std::size_t>(40 + 24 * blocks, tallest_frame));
  return sandboxed_frame(html, {0, height}, "html");
}

FrameSize svg_size(std::string_view svg) {
  const std::size_t open = svg.find("<svg");
  if (open == std::string_view::npos) return default_svg_size;
  const std::size_t close = svg.find('>', open);
  const std::string_view tag =
      svg.substr(open, close == std::string_view::npos ? svg.size() - open : close - open);
  double width = pixels(attribute(tag, "width"));
  double height = pixels(attribute(tag, "height"));
  if (width <= 0 || height <= 0) {
    // viewBox="min-x min-y width height"
    const std::string box(attribute(tag, "viewBox"));
    double values[4] = {0, 0, 0, 0};
    const char* at = box.data();
    const char* end = box.data() + box.size();
    for (double& value : values) {
      while (at < end && (*at == ' ' || *at == ','))
        ++at;
      at = std::from_chars(at, end, value).ptr;
    }
    width = values[2];
    height = values[3];
  }
  if (width <= 0 || height <= 0) return default_svg_size;
  // Scaled down as a whole when wider than the report's column allows.
  const double scale = std::min(1.0, widest_frame / width);
  return {static_cast<int>(width * scale + 0.5), static_cast<int>(height * scale + 0.5)};
}

std::string svg_output_frame(std::string_view svg) {
  return sandboxed_frame(svg, svg_size(svg), "svg");
}

std::string markdown_to_safe_html(std::string_view markdown) {
  // CMARK_OPT_DEFAULT is cmark's safe mode (0.29 and later): no raw HTML, no dangerous URLs.
  const std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &std::free);
  return html ? std::string(html.get()) : std::string();
}

std::string markdown_output_frame(std::string_view markdown) {
  return html_output_frame(markdown_to_safe_html(markdown));
}

} // namespace docnb
