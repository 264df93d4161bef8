#include "report/cell_contents.hpp"

#include "check/normalisations.hpp"
#include "check/streams.hpp"
#include "check/text_cell.hpp"

#include <algorithm>

namespace docnb {

std::vector<CellContent> cell_contents(const Notebook& reference, const Notebook& executed,
                                       const check::DoctestPlan& plan,
                                       const check::CheckOptions& options) {
  std::vector<CellContent> contents;
  const Json& cells = reference.cells();
  const Json& ran = executed.cells();
  for (std::size_t index = 0; index < cells.size(); ++index) {
    const Json& cell = cells[index];
    if (cell.value("cell_type", "") != "code") continue;
    CellContent content;
    content.cell = index;
    content.code = check::joined_text(cell.value("source", Json("")));
    if (index < ran.size()) content.got = ran[index].value("outputs", Json::array());
    if (index < plan.cells.size() && plan.cells[index]) {
      content.want = check::want_of(cell);
      content.normalisations = check::doctest_normalisations(plan.cells[index]->options);
    } else {
      content.expected = cell.value("outputs", Json::array());
      content.normalisations =
          check::output_normalisations(options.compare, check::cell_policy(cell, options.mode));
    }
    contents.push_back(std::move(content));
  }
  return contents;
}

const CellContent* content_of(const std::vector<CellContent>& contents, std::size_t index) {
  const auto found = std::lower_bound(
      contents.begin(), contents.end(), index,
      [](const CellContent& content, std::size_t cell) { return content.cell < cell; });
  return found != contents.end() && found->cell == index ? &*found : nullptr;
}

} // namespace docnb
