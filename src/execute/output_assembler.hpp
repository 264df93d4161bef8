// Turns iopub messages into nbformat outputs the way nbclient does: one dispatch on msg_type.
#pragma once

#include "protocol/message.hpp"

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace docnb {

class OutputAssembler {
public:
  // `cells` is the notebook's cells array: display_id updates may rewrite any earlier cell.
  explicit OutputAssembler(nlohmann::json& cells) : cells_(cells) {}

  // Starts collecting for `cell_index`, whose outputs are emptied.
  void start_cell(std::size_t cell_index);
  // Applies one iopub message whose parent is the current cell's request.
  void handle(const Message& message);
  // Appends an output produced by docnb itself (a timeout or a dead kernel).
  void append(nlohmann::json output);

private:
  nlohmann::json& outputs() { return cells_.at(cell_index_)["outputs"]; }
  void add_output(nlohmann::json output, const std::string& display_id);
  void update_display(const std::string& display_id, const Message& message);
  void clear_display_ids_of_current_cell();

  nlohmann::json& cells_;
  std::size_t cell_index_ = 0;
  bool clear_before_next_output_ = false;
  // display_id -> cell index -> output indices in that cell
  std::map<std::string, std::map<std::size_t, std::vector<std::size_t>>> displays_;
};

} // namespace docnb
