#include "execute/output_assembler.hpp"

namespace docnb {
namespace {

// nbformat.v4.output_from_msg, for the four output message types.
nlohmann::json output_from_message(const std::string& type, const nlohmann::json& content) {
  if (type == "stream") {
    return {{"output_type", "stream"},
            {"name", content.value("name", "stdout")},
            {"text", content.value("text", "")}};
  }
  if (type == "error") {
    return {{"output_type", "error"},
            {"ename", content.value("ename", "")},
            {"evalue", content.value("evalue", "")},
            {"traceback", content.value("traceback", nlohmann::json::array())}};
  }
  nlohmann::json output = {{"output_type", type == "update_display_data" ? "display_data" : type},
                           {"data", content.value("data", nlohmann::json::object())},
                           {"metadata", content.value("metadata", nlohmann::json::object())}};
  if (type == "execute_result")
    output["execution_count"] = content.value("execution_count", nlohmann::json());
  return output;
}

std::string display_id_of(const nlohmann::json& content) {
  const auto transient = content.find("transient");
  if (transient == content.end() || !transient->is_object()) return {};
  const auto id = transient->find("display_id");
  return id != transient->end() && id->is_string() ? id->get<std::string>() : std::string();
}

} // namespace

void OutputAssembler::start_cell(std::size_t cell_index) {
  cell_index_ = cell_index;
  clear_before_next_output_ = false;
  outputs() = nlohmann::json::array();
  clear_display_ids_of_current_cell();
}

void OutputAssembler::handle(const Message& message) {
  const std::string type = message.msg_type();
  const nlohmann::json& content = message.content;
  if (type == "clear_output") {
    if (content.value("wait", false)) {
      clear_before_next_output_ = true;
    } else {
      outputs() = nlohmann::json::array();
      clear_display_ids_of_current_cell();
    }
    return;
  }
  if (type != "stream" && type != "error" && type != "display_data" && type != "execute_result" &&
      type != "update_display_data") {
    return; // status, execute_input, comms: not outputs
  }
  const std::string display_id = display_id_of(content);
  if (!display_id.empty()) update_display(display_id, message);
  if (type == "update_display_data") return; // updates never append
  add_output(output_from_message(type, content), display_id);
}

void OutputAssembler::append(nlohmann::json output) {
  add_output(std::move(output), {});
}

void OutputAssembler::add_output(nlohmann::json output, const std::string& display_id) {
  if (clear_before_next_output_) {
    outputs() = nlohmann::json::array();
    clear_display_ids_of_current_cell();
    clear_before_next_output_ = false;
  }
  nlohmann::json& list = outputs();
  // Consecutive writes to one stream are one output, however the kernel batched them.
  if (output["output_type"] == "stream" && !list.empty() &&
      list.back()["output_type"] == "stream" && list.back()["name"] == output["name"]) {
    list.back()["text"] =
        list.back()["text"].get<std::string>() + output["text"].get<std::string>();
    return;
  }
  if (!display_id.empty()) displays_[display_id][cell_index_].push_back(list.size());
  list.push_back(std::move(output));
}

void OutputAssembler::update_display(const std::string& display_id, const Message& message) {
  const auto found = displays_.find(display_id);
  if (found == displays_.end()) return;
  const nlohmann::json data = message.content.value("data", nlohmann::json::object());
  const nlohmann::json metadata = message.content.value("metadata", nlohmann::json::object());
  for (const auto& [cell, indices] : found->second) {
    nlohmann::json& list = cells_.at(cell)["outputs"];
    for (std::size_t index : indices) {
      if (index >= list.size()) continue;
      list[index]["data"] = data;
      list[index]["metadata"] = metadata;
    }
  }
}

void OutputAssembler::clear_display_ids_of_current_cell() {
  for (auto& [id, cells] : displays_)
    cells.erase(cell_index_);
}

} // namespace docnb
