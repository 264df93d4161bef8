// What a report shows of each code cell besides its verdict: the code, what the source
// expected, what the run produced, and the rules they were compared by.
#pragma once

#include "check/check_cell.hpp"
#include "check/doctest_plan.hpp"
#include "notebook/notebook.hpp"

#include <optional>
#include <string>
#include <vector>

namespace docnb {

struct CellContent {
  std::size_t cell = 0; // index into the notebook's cells
  std::string code;
  Json expected = Json::array();   // a notebook cell's stored outputs (nbformat)
  std::optional<std::string> want; // a text source's part: its doctest want, when it has one
  Json got = Json::array();        // the executed cell's outputs (nbformat)
  std::vector<std::string> normalisations; // check/normalisations.hpp
};

// One per code cell of `reference`, in order; `executed` is the same notebook after the run.
[[nodiscard]] std::vector<CellContent> cell_contents(const Notebook& reference,
                                                     const Notebook& executed,
                                                     const check::DoctestPlan& plan,
                                                     const check::CheckOptions& options);

// The content of cell `index`, or nullptr (contents sorted by cell, as cell_contents gives them).
[[nodiscard]] const CellContent* content_of(const std::vector<CellContent>& contents,
                                            std::size_t index);

} // namespace docnb
