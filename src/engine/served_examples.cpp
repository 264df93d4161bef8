#include "engine/served_examples.hpp"

#include <algorithm>

namespace docnb {

ExampleIds passed_examples(const Notebook& notebook, const std::vector<Verdict>& verdicts) {
  const Json& cells = notebook.cells();
  ExampleIds failed;
  for (const Verdict& verdict : verdicts) {
    if (verdict.status == VerdictStatus::failed && verdict.cell < cells.size()) {
      failed.insert(example_of(cells[verdict.cell]));
    }
  }
  ExampleIds passed;
  for (const Json& cell : cells) {
    std::string example = example_of(cell);
    if (!example.empty() && !failed.contains(example)) passed.insert(std::move(example));
  }
  return passed;
}

void serve_examples(const Notebook& reference, const ExampleIds& served, const NotebookRun& stored,
                    NotebookRun& run) {
  const Json& cells = reference.cells();
  for (std::size_t index = 0; index < cells.size(); ++index) {
    if (!served.contains(example_of(cells[index]))) continue;
    run.notebook.document["cells"][index] = stored.notebook.cells()[index];
    const auto at = [index](const CellRun& cell) { return cell.index == index; };
    const auto kept = std::find_if(stored.cells.begin(), stored.cells.end(), at);
    if (kept == stored.cells.end()) continue;
    const auto fresh = std::find_if(run.cells.begin(), run.cells.end(), at);
    if (fresh != run.cells.end()) {
      *fresh = *kept;
    } else {
      run.cells.push_back(*kept);
    }
  }
  std::sort(run.cells.begin(), run.cells.end(),
            [](const CellRun& a, const CellRun& b) { return a.index < b.index; });
}

} // namespace docnb
