// Notebooks of code cells, for tests that run cells in a kernel or cache their runs.
#pragma once

#include "notebook/notebook.hpp"

#include <string>
#include <vector>

namespace docnb::testing {

inline Json code_cell(const std::string& source, Json metadata = Json::object()) {
  return {{"cell_type", "code"},
          {"source", source},
          {"metadata", std::move(metadata)},
          {"outputs", Json::array()},
          {"execution_count", nullptr}};
}

// An nbformat 4.5 notebook of `cells` with empty metadata.
inline Notebook notebook_of(Json cells) {
  Notebook notebook;
  notebook.document = {{"cells", std::move(cells)},
                       {"metadata", Json::object()},
                       {"nbformat", 4},
                       {"nbformat_minor", 5}};
  return notebook;
}

inline Notebook code_cells(const std::vector<std::string>& sources) {
  Json cells = Json::array();
  for (const std::string& source : sources) {
    cells.push_back(code_cell(source));
  }
  return notebook_of(std::move(cells));
}

} // namespace docnb::testing
