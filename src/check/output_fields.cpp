#include "check/output_fields.hpp"

#include "check/streams.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace docnb::check {

namespace {

bool skipped(const std::string& key, const FieldOptions& options) {
  // `transient` is not nbformat, but an executor may pass it through from display_data.
  static constexpr std::array<std::string_view, 7> always = {
      "metadata", "traceback",       "prompt_number", "output_type",
      "name",     "execution_count", "transient"};
  if (std::find(always.begin(), always.end(), key) != always.end()) {
    return true;
  }
  if (!options.check_images && (key == "image/png" || key == "image/jpeg")) {
    return true;
  }
  return std::find(options.skip_keys.begin(), options.skip_keys.end(), key) !=
         options.skip_keys.end();
}

// JSON MIME types hold structured data; every other MIME value is text, possibly still
// split into lines.
bool is_json_mime(const std::string& mime) {
  return mime == "application/json" || mime.ends_with("+json");
}

class Collector {
public:
  Collector(const Sanitizer& sanitizer, const FieldOptions& options)
      : sanitizer_(sanitizer), options_(options) {}

  Status add(const std::string& key, Json value) {
    if (skipped(key, options_)) {
      return Done{};
    }
    if (value.is_string() && !sanitizer_.empty()) {
      Result<std::string> clean = sanitizer_.apply(value.get_ref<const std::string&>());
      if (!clean) {
        return clean.error();
      }
      value = std::move(clean).value();
    }
    auto [it, inserted] = fields_.values.try_emplace(key);
    if (inserted) {
      fields_.order.push_back(key);
    }
    it->second.push_back(std::move(value));
    return Done{};
  }

  OutputFields take() { return std::move(fields_); }

private:
  const Sanitizer& sanitizer_;
  const FieldOptions& options_;
  OutputFields fields_;
};

} // namespace

Result<OutputFields> flatten_outputs(Json outputs, const Sanitizer& sanitizer,
                                     const FieldOptions& options) {
  Collector collector(sanitizer, options);
  if (!outputs.is_array()) {
    return collector.take();
  }
  // Values are moved out of `outputs`, not copied: a stream's text is held once.
  for (Json& output : outputs) {
    if (!output.is_object()) {
      continue;
    }
    if (output.value("output_type", "") == "stream") {
      // nbval keys a stream by its name, so stdout and stderr are separate fields.
      Json& text = output["text"];
      Status added = collector.add(output.value("name", ""),
                                   text.is_string() ? std::move(text) : Json(joined_text(text)));
      if (!added) {
        return added.error();
      }
      continue;
    }
    for (auto& [key, value] : output.items()) {
      Status added = Done{};
      if (key == "data" && value.is_object()) {
        for (auto& [mime, data] : value.items()) {
          added =
              collector.add(mime, data.is_array() && !is_json_mime(mime) ? Json(joined_text(data))
                                                                         : std::move(data));
          if (!added) {
            break;
          }
        }
      } else {
        added = collector.add(key, std::move(value));
      }
      if (!added) {
        return added.error();
      }
    }
  }
  return collector.take();
}

} // namespace docnb::check
