#include "engine/served_examples.hpp"

#include <algorithm>
#include <numeric>

namespace docnb {

check::ExampleIds passed_examples(const Notebook& notebook, const std::vector<Verdict>& verdicts) {
  const Json& cells = notebook.cells();
  check::ExampleIds failed;
  for (const Verdict& verdict : verdicts) {
    if (verdict.failed() && verdict.cell < cells.size()) {
      failed.insert(check::example_of(cells[verdict.cell]));
    }
  }
  check::ExampleIds passed;
  for (const Json& cell : cells) {
    ExampleId example = check::example_of(cell);
    if (!example.empty() && !failed.contains(example)) passed.insert(std::move(example));
  }
  return passed;
}

void serve_examples(const Notebook& reference, const check::ExampleIds& served,
                    const check::JudgedRun& stored, check::JudgedRun& fresh) {
  const Json& cells = reference.cells();
  for (std::size_t k = 0; k < stored.run.cells.size(); ++k) {
    const std::size_t index = stored.run.cells[k].index;
    if (!served.contains(check::example_of(cells.at(index)))) continue;
    fresh.run.notebook.cells().at(index) = stored.run.notebook.cells().at(index);
    fresh.run.cells.push_back(stored.run.cells[k]);
    fresh.verdicts.push_back(stored.verdicts.at(k));
  }
  // Both in the notebook's order, together.
  std::vector<std::size_t> order(fresh.run.cells.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return fresh.run.cells[a].index < fresh.run.cells[b].index;
  });
  check::JudgedRun sorted;
  for (const std::size_t k : order) {
    sorted.run.cells.push_back(std::move(fresh.run.cells[k]));
    sorted.verdicts.push_back(std::move(fresh.verdicts[k]));
  }
  fresh.run.cells = std::move(sorted.run.cells);
  fresh.verdicts = std::move(sorted.verdicts);
}

} // namespace docnb
