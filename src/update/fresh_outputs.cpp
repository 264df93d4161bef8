#include "update/fresh_outputs.hpp"

#include "check/cell_policy.hpp"
#include "check/text_cell.hpp"
#include "check/want.hpp"

namespace docnb {

std::vector<converters::FreshOutput> fresh_text_outputs(const Notebook& reference,
                                                        const check::JudgedRun& judged,
                                                        const check::CheckOptions& options,
                                                        const check::DoctestPlan& plan) {
  std::vector<converters::FreshOutput> fresh;
  const Json& cells = reference.cells();
  const Json& executed = judged.run.notebook.cells();
  for (std::size_t i = 0; i < judged.run.cells.size(); ++i) {
    const CellRun& cell_run = judged.run.cells[i];
    if (!ran_to_the_end(cell_run.status)) continue;
    const std::size_t index = cell_run.index;
    if (index < plan.cells.size() && plan.cells[index] &&
        (plan.cells[index]->skip || plan.cells[index]->invalid)) {
      continue;
    }
    const Json& cell = cells.at(index);
    const check::CellPolicy policy = check::cell_policy(cell, options.mode);
    const Json outputs = executed.at(index).value("outputs", Json::array());
    if (policy.skip || policy.raises_exception || cell_run.reply_error ||
        check::has_error(outputs)) {
      continue;
    }
    const std::optional<std::string> want = check::want_of(cell);
    if (want && check::exception_want(*want)) continue; // a missing exception is the code's
    const bool failed = judged.verdicts.at(i).failed();
    if (want && !failed) continue;
    if (!want && failed) continue;
    std::string printed = check::want_from_outputs(cell, outputs);
    if (!want && printed.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    fresh.push_back({index, std::move(printed)});
  }
  return fresh;
}

} // namespace docnb
