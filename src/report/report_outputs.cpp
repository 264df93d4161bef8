#include "report/report_outputs.hpp"

#include "check/streams.hpp"

namespace docnb {
namespace {

using Json = nlohmann::json;

bool is_base64_image(const std::string& mime) {
  return mime == "image/png" || mime == "image/jpeg" || mime == "image/gif";
}

// At most `limit` bytes of `text`, never ending inside a UTF-8 character.
std::string cut(const std::string& text, std::size_t limit) {
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return text.substr(0, end);
}

// `value` (joined) within its limit; the whole size goes to truncated[key] when it is not.
Json limited(const Json& value, const std::string& key, bool image, Json& truncated) {
  if (!value.is_string() && !value.is_array()) return value; // application/json and the like
  std::string text = check::joined_text(value);
  const std::size_t limit = image ? report_image_limit : report_text_limit;
  if (text.size() <= limit) return text;
  truncated[key] = text.size();
  return image ? std::string() : cut(text, limit);
}

Json traceback_within_limit(const Json& traceback, Json& truncated) {
  if (!traceback.is_array()) return Json::array();
  std::size_t size = 0;
  for (const Json& line : traceback)
    size += line.is_string() ? line.get_ref<const std::string&>().size() : 0;
  if (size <= report_text_limit) return traceback;
  truncated["traceback"] = size;
  Json kept = Json::array();
  std::size_t left = report_text_limit;
  for (const Json& line : traceback) {
    if (!line.is_string()) continue;
    const std::string& text = line.get_ref<const std::string&>();
    if (text.size() > left) {
      if (left > 0) kept.push_back(cut(text, left));
      break;
    }
    kept.push_back(text);
    left -= text.size();
  }
  return kept;
}

Json report_output(const Json& output) {
  Json shown;
  Json truncated = Json::object();
  shown["output_type"] = output.value("output_type", "");
  if (const auto name = output.find("name"); name != output.end()) shown["name"] = *name;
  if (const auto text = output.find("text"); text != output.end()) {
    shown["text"] = limited(*text, "text", false, truncated);
  }
  if (const auto data = output.find("data"); data != output.end() && data->is_object()) {
    Json values = Json::object();
    for (const auto& [mime, value] : data->items())
      values[mime] = limited(value, mime, is_base64_image(mime), truncated);
    shown["data"] = std::move(values);
  }
  for (const char* key : {"ename", "evalue"}) {
    if (const auto value = output.find(key); value != output.end()) shown[key] = *value;
  }
  if (const auto traceback = output.find("traceback"); traceback != output.end()) {
    shown["traceback"] = traceback_within_limit(*traceback, truncated);
  }
  if (!truncated.empty()) shown["truncated"] = std::move(truncated);
  return shown;
}

} // namespace

Json report_outputs(const Json& outputs) {
  Json objects = Json::array();
  if (outputs.is_array()) {
    for (const Json& output : outputs)
      if (output.is_object()) objects.push_back(output);
  }
  Json shown = Json::array();
  for (const Json& output : check::coalesce_streams(objects))
    shown.push_back(report_output(output));
  return shown;
}

} // namespace docnb
