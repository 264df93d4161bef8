#include "report/comparison_html.hpp"

#include "report/html_escape.hpp"
#include "report/image_diff.hpp"
#include "report/output_html.hpp"
#include "report/text_diff_html.hpp"
#include "support/base64.hpp"

#include <cstdio>
#include <vector>

namespace docnb {
namespace {

using Json = nlohmann::json;

struct Value {
  std::string text;
  std::size_t cut_from = 0; // the whole size, when the report holds only the beginning
};

struct Field {
  std::string key; // "stdout", "stderr", "error" or a MIME type
  std::vector<Value> values;
};

void add(std::vector<Field>& fields, const std::string& key, Value value) {
  for (Field& field : fields) {
    if (field.key == key) {
      field.values.push_back(std::move(value));
      return;
    }
  }
  fields.push_back({key, {std::move(value)}});
}

std::size_t cut_from(const Json& output, const std::string& key) {
  const Json truncated = output.value("truncated", Json::object());
  return truncated.contains(key) ? truncated[key].get<std::size_t>() : 0;
}

std::vector<Field> fields_of(const Json& outputs) {
  std::vector<Field> fields;
  for (const Json& output : outputs) {
    const std::string type = output.value("output_type", "");
    if (type == "stream") {
      const std::string name = output.value("name", "") == "stderr" ? "stderr" : "stdout";
      add(fields, name, {output.value("text", ""), cut_from(output, "text")});
    } else if (type == "error") {
      add(fields, "error", {traceback_text(output), cut_from(output, "traceback")});
    } else {
      const Json data = output.value("data", Json::object());
      for (const auto& [mime, value] : data.items()) {
        add(fields, mime,
            {value.is_string() ? value.get<std::string>() : value_text(value),
             cut_from(output, mime)});
      }
    }
  }
  return fields;
}

// What a doctest part printed, as its want is compared with it.
std::string printed_text(const Json& got) {
  std::string text;
  for (const Json& output : got) {
    const std::string type = output.value("output_type", "");
    if (type == "stream" && output.value("name", "") == "stdout") {
      text += output.value("text", "");
    } else if (type == "execute_result") {
      text += output.value("data", Json::object()).value("text/plain", "");
      text += '\n';
    } else if (type == "error") {
      text += traceback_text(output) + '\n';
    }
  }
  return text;
}

std::string figure(const std::string& caption, const std::string& body) {
  return "<figure><figcaption>" + caption + "</figcaption>" + body + "</figure>";
}

std::string side_by_side(const std::string& key, const Value* expected, const Value* got) {
  const auto shown = [&](const Value* value) {
    return value != nullptr ? representation_html(key, value->text, value->cut_from)
                            : std::string("<p class=\"none\">(none)</p>");
  };
  return "<div class=\"pair\">" + figure("expected", shown(expected)) + figure("got", shown(got)) +
         "</div>";
}

bool is_document(const std::string& key) {
  return key == "text/html" || key == "image/svg+xml" || key == "text/markdown";
}

bool is_diffable_image(const std::string& key) {
  return key == "image/png" || key == "image/jpeg";
}

std::string pair_html(const std::string& key, const Value* expected, const Value* got) {
  const bool both = expected != nullptr && got != nullptr;
  if (both && expected->text == got->text && expected->cut_from == got->cut_from) {
    return "<p class=\"same\">the same on both sides</p>" +
           representation_html(key, got->text, got->cut_from);
  }
  if (both && is_diffable_image(key) && !expected->text.empty() && !got->text.empty()) {
    return image_comparison_html(key, expected->text, got->text);
  }
  if (both && is_document(key)) {
    return side_by_side(key, expected, got) +
           "<details class=\"source-diff\" open data-collapsed><summary>" + escape_html(key) +
           " source</summary>" + text_diff_html(expected->text, got->text) + "</details>";
  }
  if (both && !key.starts_with("image/")) {
    std::string html = text_diff_html(expected->text, got->text);
    if (expected->cut_from > 0)
      html += cut_note(expected->text.size(), expected->cut_from, "expected");
    if (got->cut_from > 0) html += cut_note(got->text.size(), got->cut_from, "got");
    return html;
  }
  return side_by_side(key, expected, got);
}

std::string field_html(const std::string& key, const Field* expected, const Field* got) {
  std::string html = "<div class=\"field\"><h4>" + escape_html(key) + "</h4>";
  const std::size_t pairs =
      std::max(expected ? expected->values.size() : 0, got ? got->values.size() : 0);
  for (std::size_t i = 0; i < pairs; ++i) {
    const Value* a = expected && i < expected->values.size() ? &expected->values[i] : nullptr;
    const Value* b = got && i < got->values.size() ? &got->values[i] : nullptr;
    html += pair_html(key, a, b);
  }
  return html + "</div>";
}

const Field* find(const std::vector<Field>& fields, const std::string& key) {
  for (const Field& field : fields)
    if (field.key == key) return &field;
  return nullptr;
}

std::string percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f%%", share * 100.0);
  return text;
}

} // namespace

std::string image_comparison_html(const std::string& mime, const std::string& expected,
                                  const std::string& got) {
  const Value a{expected, 0};
  const Value b{got, 0};
  std::string html = side_by_side(mime, &a, &b);
  const Result<std::string> expected_bytes = base64_decode(expected);
  const Result<std::string> got_bytes = base64_decode(got);
  if (!expected_bytes || !got_bytes) return html + "<p class=\"none\">not base64</p>";
  const Result<Pixels> old_image = decode_image(mime, *expected_bytes);
  const Result<Pixels> new_image = decode_image(mime, *got_bytes);
  if (!old_image || !new_image) {
    const Error& error = old_image ? new_image.error() : old_image.error();
    return html + "<p class=\"none\">no pixel difference: " + escape_html(error.message) + "</p>";
  }
  const ImageDiff diff = diff_images(*old_image, *new_image);
  const Result<std::string> png = encode_png(diff.difference);
  const std::string caption =
      "difference: <span class=\"share\">" + percent(diff.share()) + "</span> of pixels differ (" +
      std::to_string(diff.differing) + " of " + std::to_string(diff.total) + "; " +
      std::to_string(old_image->width) + "×" + std::to_string(old_image->height) + " expected, " +
      std::to_string(new_image->width) + "×" + std::to_string(new_image->height) + " got)";
  const std::string image = png ? "<img class=\"output image difference\" alt=\"pixel difference\" "
                                  "src=\"data:image/png;base64," +
                                      base64_encode(*png) + "\">"
                                : "<p class=\"none\">" + escape_html(png.error().message) + "</p>";
  return html + "<div class=\"pair\">" + figure(caption, image) + "</div>";
}

std::string comparison_html(const Json& expected, const std::optional<std::string>& want,
                            const Json& got) {
  if (want) {
    return "<div class=\"field\"><h4>printed</h4>" + text_diff_html(*want, printed_text(got)) +
           "</div>";
  }
  const std::vector<Field> old_fields = fields_of(expected);
  const std::vector<Field> new_fields = fields_of(got);
  std::string html = "<div class=\"comparison\">";
  for (const Field& field : old_fields)
    html += field_html(field.key, &field, find(new_fields, field.key));
  for (const Field& field : new_fields)
    if (find(old_fields, field.key) == nullptr) html += field_html(field.key, nullptr, &field);
  return html + "</div>";
}

} // namespace docnb
