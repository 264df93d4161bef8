#include "update/notebook_update.hpp"

#include "check/cell_policy.hpp"
#include "notebook/source_map.hpp"

namespace docnb {
namespace {

// True when storing the fresh outputs makes the cell pass: its failure was in the stored
// outputs, not an exception raised (or not raised) against its markers.
bool fresh_outputs_would_pass(const Json& reference_cell, const Json& fresh_outputs,
                              const CellRun& cell_run, const check::CheckOptions& options) {
  const bool raised = cell_run.reply_error || check::has_error(fresh_outputs);
  return raised == check::cell_policy(reference_cell, options.mode).raises_exception;
}

// The fresh count, also in the kept execute_result outputs, which repeat it ("Out[n]").
void renumber(Json& cell, const Json& count) {
  cell["execution_count"] = count;
  if (auto outputs = cell.find("outputs"); outputs != cell.end() && outputs->is_array()) {
    for (Json& output : *outputs) {
      if (output.is_object() && output.value("output_type", "") == "execute_result") {
        output["execution_count"] = count;
      }
    }
  }
}

} // namespace

NotebookUpdate updated_notebook(const Notebook& reference, const check::JudgedRun& judged,
                                const check::CheckOptions& options) {
  NotebookUpdate update{reference, {}, false};
  Json& cells = update.notebook.cells();
  const Json& executed = judged.run.notebook.cells();
  for (std::size_t i = 0; i < judged.run.cells.size(); ++i) {
    const CellRun& cell_run = judged.run.cells[i];
    if (!ran_to_the_end(cell_run.status)) continue;
    Json& cell = cells.at(cell_run.index);
    const Json& fresh = executed.at(cell_run.index);
    const Json fresh_outputs = fresh.value("outputs", Json::array());
    const bool never_run = cell.value("execution_count", Json()).is_null();
    if (never_run || judged.verdicts.at(i).failed()) {
      if (!fresh_outputs_would_pass(cell, fresh_outputs, cell_run, options)) continue;
      if (cell.value("outputs", Json::array()) != fresh_outputs) {
        // Named as every report names the cell: "Cell N", N counted among code cells.
        update.cells.push_back(code_cell_number(cells, cell_run.index));
      }
      cell["outputs"] = fresh_outputs;
    }
    renumber(cell, fresh.value("execution_count", Json()));
  }
  update.changed = update.notebook.document != reference.document;
  return update;
}

} // namespace docnb
