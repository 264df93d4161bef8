#include "execute/output_assembler.hpp"

#include <cstdio>

namespace docnb {
namespace {

using Json = nlohmann::json;

// Moves member `key` out of `content`, or `fallback` when it is missing.
Json take(Json& content, const char* key, Json fallback) {
  const auto found = content.find(key);
  return found == content.end() ? std::move(fallback) : std::move(*found);
}

// nbformat.v4.output_from_msg, for the four output message types; the content's values are
// moved, not copied.
Json output_from_message(const std::string& type, Json content) {
  if (type == "stream") {
    return {{"output_type", "stream"},
            {"name", take(content, "name", "stdout")},
            {"text", take(content, "text", "")}};
  }
  if (type == "error") {
    return {{"output_type", "error"},
            {"ename", take(content, "ename", "")},
            {"evalue", take(content, "evalue", "")},
            {"traceback", take(content, "traceback", Json::array())}};
  }
  Json output = {{"output_type", type == "update_display_data" ? "display_data" : type},
                 {"data", take(content, "data", Json::object())},
                 {"metadata", take(content, "metadata", Json::object())}};
  if (type == "execute_result") output["execution_count"] = take(content, "execution_count", {});
  return output;
}

std::string display_id_of(const Json& content) {
  const auto transient = content.find("transient");
  if (transient == content.end() || !transient->is_object()) return {};
  const auto id = transient->find("display_id");
  return id != transient->end() && id->is_string() ? id->get<std::string>() : std::string();
}

std::size_t text_bytes(const Json& value) {
  if (value.is_string()) return value.get_ref<const std::string&>().size();
  if (value.is_array()) {
    std::size_t bytes = 0;
    for (const Json& item : value)
      bytes += text_bytes(item);
    return bytes;
  }
  return value.is_null() ? 0 : value.dump().size();
}

// What an output holds that a flood can make large: text, MIME values, error text.
std::size_t output_bytes(const Json& output) {
  std::size_t bytes = 0;
  for (const char* key : {"text", "ename", "evalue", "traceback"}) {
    if (const auto found = output.find(key); found != output.end()) bytes += text_bytes(*found);
  }
  if (const auto data = output.find("data"); data != output.end() && data->is_object()) {
    for (const auto& [mime, value] : data->items())
      bytes += text_bytes(value);
  }
  return bytes;
}

// `text` cut to at most `size` bytes without splitting a UTF-8 sequence.
void cut_utf8(std::string& text, std::size_t size) {
  if (text.size() <= size) return;
  while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80)
    --size;
  text.resize(size);
  text.shrink_to_fit();
}

std::string mebibytes(std::size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

} // namespace

std::string truncation_note(std::size_t dropped, std::size_t limit) {
  return "output truncated: " + std::to_string(dropped) + " bytes (" + mebibytes(dropped) +
         ") dropped past --max-output-bytes " + std::to_string(limit) + " (" + mebibytes(limit) +
         ")";
}

void OutputAssembler::start_cell(std::size_t cell_index) {
  cell_index_ = cell_index;
  clear_before_next_output_ = false;
  kept_bytes_ = 0;
  dropped_bytes_ = 0;
  truncated_ = false;
  outputs() = Json::array();
  clear_display_ids_of_current_cell();
}

std::size_t OutputAssembler::finish_cell() {
  if (dropped_bytes_ == 0) return 0;
  add_output({{"output_type", "stream"},
              {"name", "stderr"},
              {"text", "\n[docnb: " + truncation_note(dropped_bytes_, max_cell_bytes_) + "]\n"}},
             {});
  return dropped_bytes_;
}

void OutputAssembler::handle(Message message) {
  const std::string type = message.msg_type();
  Json& content = message.content;
  if (type == "clear_output") {
    if (content.value("wait", false)) {
      clear_before_next_output_ = true;
    } else {
      clear_outputs();
    }
    return;
  }
  if (type != "stream" && type != "error" && type != "display_data" && type != "execute_result" &&
      type != "update_display_data") {
    return; // status, execute_input, comms: not outputs
  }
  const std::string display_id = display_id_of(content);
  if (!display_id.empty()) update_display(display_id, content);
  if (type == "update_display_data") return; // updates never append
  Json output = output_from_message(type, std::move(content));
  if (admit(output)) add_output(std::move(output), display_id);
}

void OutputAssembler::append(Json output) {
  add_output(std::move(output), {});
}

bool OutputAssembler::admit(Json& output) {
  if (max_cell_bytes_ == 0) return true;
  const std::size_t bytes = output_bytes(output);
  if (truncated_) {
    dropped_bytes_ += bytes;
    return false;
  }
  if (kept_bytes_ + bytes <= max_cell_bytes_) {
    kept_bytes_ += bytes;
    return true;
  }
  // The output that crosses the bound: from here on everything is dropped.
  truncated_ = true;
  const std::size_t room = max_cell_bytes_ - kept_bytes_;
  if (output["output_type"] == "stream" && output["text"].is_string() && room > 0) {
    // The stream keeps what fits: the start of a flood shows what flooded.
    cut_utf8(output["text"].get_ref<std::string&>(), room);
    const std::size_t kept = output["text"].get_ref<const std::string&>().size();
    kept_bytes_ += kept;
    dropped_bytes_ += bytes - kept;
    return true;
  }
  dropped_bytes_ += bytes;
  return false;
}

void OutputAssembler::add_output(Json output, const std::string& display_id) {
  if (clear_before_next_output_) {
    clear_outputs();
    clear_before_next_output_ = false;
  }
  Json& list = outputs();
  // Consecutive writes to one stream are one output, however the kernel batched them; the
  // text grows in place.
  if (output["output_type"] == "stream" && !list.empty() &&
      list.back()["output_type"] == "stream" && list.back()["name"] == output["name"] &&
      list.back()["text"].is_string() && output["text"].is_string()) {
    list.back()["text"].get_ref<std::string&>() += output["text"].get_ref<const std::string&>();
    return;
  }
  if (!display_id.empty()) displays_[display_id][cell_index_].push_back(list.size());
  list.push_back(std::move(output));
}

void OutputAssembler::update_display(const std::string& display_id, const Json& content) {
  const auto found = displays_.find(display_id);
  if (found == displays_.end()) return;
  const Json data = content.value("data", Json::object());
  const Json metadata = content.value("metadata", Json::object());
  for (const auto& [cell, indices] : found->second) {
    Json& list = cells_.at(cell)["outputs"];
    for (std::size_t index : indices) {
      if (index >= list.size()) continue;
      list[index]["data"] = data;
      list[index]["metadata"] = metadata;
    }
  }
}

void OutputAssembler::clear_outputs() {
  // What was cleared no longer takes room; what was dropped stays counted for the note.
  outputs() = Json::array();
  clear_display_ids_of_current_cell();
  kept_bytes_ = 0;
  truncated_ = false;
}

void OutputAssembler::clear_display_ids_of_current_cell() {
  for (auto& [id, cells] : displays_)
    cells.erase(cell_index_);
}

} // namespace docnb
