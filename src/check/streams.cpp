#include "check/streams.hpp"

#include <algorithm>
#include <map>

namespace docnb::check {

namespace {

// `value`'s text (a string, or a list of strings) appended to `out`.
void append_text(std::string& out, const Json& value) {
  if (value.is_string()) {
    out += value.get_ref<const std::string&>();
  } else if (value.is_array()) {
    for (const Json& part : value) {
      if (part.is_string()) out += part.get_ref<const std::string&>();
    }
  }
}

} // namespace

std::string joined_text(const Json& value) {
  std::string joined;
  append_text(joined, value);
  return joined;
}

void apply_carriage_returns_in_place(std::string& text) {
  // What is kept of a line is never longer than the line: the text is rewritten over itself.
  std::size_t write = 0;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::size_t start = begin;
    // The last '\r' that still has a character after it on this line.
    if (end - begin >= 2) {
      const std::string_view line(text.data() + begin, end - begin);
      const std::size_t cr = line.find_last_of('\r', line.size() - 2);
      if (cr != std::string_view::npos) start = begin + cr + 1;
    }
    // write <= start: copying forward over the text is safe.
    std::copy(text.begin() + static_cast<long>(start), text.begin() + static_cast<long>(end),
              text.begin() + static_cast<long>(write));
    write += end - start;
    if (end == text.size()) break;
    text[write++] = '\n';
    begin = end + 1;
  }
  text.resize(write);
}

std::string apply_carriage_returns(std::string_view text) {
  std::string out(text);
  apply_carriage_returns_in_place(out);
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
    auto it = stream_at.find(name);
    if (it == stream_at.end()) {
      it = stream_at.emplace(name, merged.size()).first;
      // Every member but the text, which is gathered below: one copy of it, grown in place.
      Json copy = Json::object();
      for (const auto& [key, value] : output.items()) {
        if (key != "text") copy[key] = value;
      }
      copy["text"] = std::string();
      merged.push_back(std::move(copy));
    }
    if (const auto text = output.find("text"); text != output.end()) {
      append_text(merged[it->second]["text"].get_ref<std::string&>(), *text);
    }
  }
  for (const auto& [name, index] : stream_at) {
    apply_carriage_returns_in_place(merged[index]["text"].get_ref<std::string&>());
  }
  return merged;
}

} // namespace docnb::check
