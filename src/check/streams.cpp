#include "check/streams.hpp"

#include <map>

namespace docnb::check {

std::string joined_text(const Json& value) {
  if (value.is_string()) {
    return value.get<std::string>();
  }
  std::string joined;
  if (value.is_array()) {
    for (const Json& part : value) {
      if (part.is_string()) {
        joined += part.get<std::string>();
      }
    }
  }
  return joined;
}

std::string apply_carriage_returns(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(begin, end - begin);
    // The last '\r' that still has a character after it on this line.
    if (line.size() >= 2) {
      const std::size_t cr = line.find_last_of('\r', line.size() - 2);
      if (cr != std::string_view::npos) {
        line.remove_prefix(cr + 1);
      }
    }
    out += line;
    if (end == text.size()) {
      break;
    }
    out += '\n';
    begin = end + 1;
  }
  return out;
}

Json coalesce_streams(const Json& outputs) {
  if (!outputs.is_array()) {
    return Json::array();
  }
  Json merged = Json::array();
  std::map<std::string, std::size_t> stream_at; // name -> index in `merged`
  for (const Json& output : outputs) {
    if (output.value("output_type", "") != "stream") {
      merged.push_back(output);
      continue;
    }
    const std::string name = output.value("name", "");
    const std::string text = joined_text(output.value("text", Json()));
    auto it = stream_at.find(name);
    if (it == stream_at.end()) {
      stream_at[name] = merged.size();
      Json copy = output;
      copy["text"] = text;
      merged.push_back(std::move(copy));
    } else {
      merged[it->second]["text"] = merged[it->second]["text"].get<std::string>() + text;
    }
  }
  for (const auto& [name, index] : stream_at) {
    merged[index]["text"] = apply_carriage_returns(merged[index]["text"].get<std::string>());
  }
  return merged;
}

} // namespace docnb::check
