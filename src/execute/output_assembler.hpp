// Turns iopub messages into nbformat outputs the way nbclient does: one dispatch on msg_type.
//
// A cell's outputs are bounded: past `max_cell_bytes` (stream text, MIME values and error text
// together) what arrives is dropped and counted, and the cell's end appends a note saying how
// much, so that a flood costs at most the bound. Stream text is appended in place: one copy
// of a stream's text while it is merged.
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
  // `max_cell_bytes`: what one cell's outputs may hold; 0 for no bound.
  explicit OutputAssembler(nlohmann::json& cells, std::size_t max_cell_bytes = 0)
      : cells_(cells), max_cell_bytes_(max_cell_bytes) {}

  // Starts collecting for `cell_index`, whose outputs are emptied.
  void start_cell(std::size_t cell_index);
  // Applies one iopub message whose parent is the current cell's request.
  void handle(Message message);
  // Appends an output produced by docnb itself (a timeout or a dead kernel); never dropped.
  void append(nlohmann::json output);
  // Ends the current cell; when output was dropped, appends the note that says so (on stderr)
  // and returns how many bytes were dropped.
  std::size_t finish_cell();

private:
  nlohmann::json& outputs() { return cells_.at(cell_index_)["outputs"]; }
  // Whether `output` is kept, whole or cut down to what the bound leaves.
  bool admit(nlohmann::json& output);
  void add_output(nlohmann::json output, const std::string& display_id);
  void update_display(const std::string& display_id, const nlohmann::json& content);
  void clear_outputs();
  void clear_display_ids_of_current_cell();

  nlohmann::json& cells_;
  std::size_t max_cell_bytes_;
  std::size_t cell_index_ = 0;
  bool clear_before_next_output_ = false;
  std::size_t kept_bytes_ = 0;    // of the current cell's outputs
  std::size_t dropped_bytes_ = 0; // of the current cell's outputs
  bool truncated_ = false;        // the bound was reached: what follows is dropped
  // display_id -> cell index -> output indices in that cell
  std::map<std::string, std::map<std::size_t, std::vector<std::size_t>>> displays_;
};

// The note appended to a cell whose output was cut at `limit` bytes after `dropped` more.
std::string truncation_note(std::size_t dropped, std::size_t limit);

} // namespace docnb
