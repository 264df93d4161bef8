#include "report/output_html.hpp"

#include "report/ansi_html.hpp"
#include "report/embedded_html.hpp"
#include "report/html_escape.hpp"

#include <array>
#include <cstdio>

namespace docnb {
namespace {

using Json = nlohmann::json;

constexpr std::array display_order{"text/html",  "text/markdown", "image/svg+xml", "image/png",
                                   "image/jpeg", "image/gif",     "text/latex",    "text/plain"};

bool is_base64_image(const std::string& mime) {
  return mime == "image/png" || mime == "image/jpeg" || mime == "image/gif";
}

std::string text_block(const std::string& kind, const std::string& text) {
  return "<pre class=\"output " + escape_html(kind) + "\">" + ansi_to_html(text) + "</pre>";
}

std::string image_html(const std::string& mime, const std::string& base64) {
  // Only base64's own characters reach the data: URI, whatever the value holds.
  std::string clean;
  for (const char c : base64) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
        c == '/' || c == '=')
      clean += c;
  }
  return "<img class=\"output image\" alt=\"" + escape_html(mime) +
         " output\" src=\"data:" + escape_html(mime) + ";base64," + clean + "\">";
}

std::string data_text(const Json& value) {
  return value.is_string() ? value.get<std::string>() : value_text(value);
}

} // namespace

std::string cut_note(std::size_t shown, std::size_t whole, const std::string& side) {
  return "<p class=\"cut\">" + (side.empty() ? "" : side + ": ") + size_text(shown) + " of " +
         size_text(whole) + " shown; the executed notebook holds it all</p>";
}

std::string size_text(std::size_t bytes) {
  if (bytes < 1000) return std::to_string(bytes) + " B";
  std::array<char, 32> text{};
  const double kilo = static_cast<double>(bytes) / 1000.0;
  if (kilo < 1000) {
    std::snprintf(text.data(), text.size(), "%.1f kB", kilo);
  } else {
    std::snprintf(text.data(), text.size(), "%.1f MB", kilo / 1000.0);
  }
  return text.data();
}

std::string value_text(const Json& value) {
  return value.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string traceback_text(const Json& error) {
  std::string text;
  for (const Json& line : error.value("traceback", Json::array())) {
    if (!line.is_string()) continue;
    if (!text.empty()) text += '\n';
    text += line.get<std::string>();
  }
  if (text.empty()) text = error.value("ename", "") + ": " + error.value("evalue", "");
  return text;
}

std::string richest_mime(const Json& data) {
  if (!data.is_object() || data.empty()) return {};
  for (const char* mime : display_order)
    if (data.contains(mime)) return mime;
  return data.begin().key();
}

std::string representation_html(const std::string& mime, const std::string& value,
                                std::size_t cut_from) {
  if (is_base64_image(mime)) {
    if (value.empty()) {
      return "<p class=\"cut\">" + escape_html(mime) + " image of " + size_text(cut_from) +
             " not embedded; the executed notebook holds it</p>";
    }
    return image_html(mime, value);
  }
  std::string html;
  if (cut_from > 0) {
    // A document cut short is no document: its beginning is shown as text.
    html = text_block(mime, value) + cut_note(value.size(), cut_from);
  } else if (mime == "text/html") {
    html = html_output_frame(value);
  } else if (mime == "image/svg+xml") {
    html = svg_output_frame(value);
  } else if (mime == "text/markdown") {
    html = markdown_output_frame(value);
  } else {
    const std::string kind =
        mime == "stdout" || mime == "stderr" || mime == "error" ? mime : "text";
    html = text_block(kind, value);
  }
  return html;
}

std::string outputs_html(const Json& outputs) {
  std::string html;
  for (const Json& output : outputs) {
    const std::string type = output.value("output_type", "");
    const Json truncated = output.value("truncated", Json::object());
    const auto cut_from = [&](const std::string& key) -> std::size_t {
      return truncated.contains(key) ? truncated[key].get<std::size_t>() : 0;
    };
    if (type == "stream") {
      const std::string name = output.value("name", "") == "stderr" ? "stderr" : "stdout";
      html += representation_html(name, output.value("text", ""), cut_from("text"));
    } else if (type == "error") {
      html += representation_html("error", traceback_text(output), cut_from("traceback"));
    } else {
      const Json data = output.value("data", Json::object());
      const std::string mime = richest_mime(data);
      if (!mime.empty()) html += representation_html(mime, data_text(data[mime]), cut_from(mime));
    }
  }
  return html;
}

} // namespace docnb
