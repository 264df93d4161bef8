// A notebook of code cells with the given sources, for tests that run cells in a kernel.
#pragma once

#include "notebook/notebook.hpp"

#include <string>
#include <vector>

namespace docnb::testing {

inline Notebook code_cells(const std::vector<std::string>& sources) {
  Json cells = Json::array();
  for (const std::string& source : sources) {
    cells.push_back({{"cell_type", "code"},
                     {"source", source},
                     {"metadata", Json::object()},
                     {"outputs", Json::array()},
                     {"execution_count", nullptr}});
  }
  Notebook notebook;
  notebook.document = {{"cells", std::move(cells)},
                       {"metadata", Json::object()},
                       {"nbformat", 4},
                       {"nbformat_minor", 5}};
  return notebook;
}

} // namespace docnb::testing
