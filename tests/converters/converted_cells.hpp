// Helpers for reading what a converter produced: the cells by kind, and their source map.
#pragma once

#include "converters/source.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace docnb::converters::testing {

inline Converted converted_or_fail(Result<Converted> result) {
  if (!result) FAIL(result.error().describe());
  return std::move(result).value();
}

inline std::vector<Json> cells_of_type(const Converted& converted, const std::string& type) {
  std::vector<Json> cells;
  for (const Json& cell : converted.notebook.cells()) {
    if (cell.at("cell_type") == type) cells.push_back(cell);
  }
  return cells;
}

inline std::vector<Json> code_cells(const Converted& converted) {
  return cells_of_type(converted, "code");
}

inline std::vector<std::string> cell_types(const Converted& converted) {
  std::vector<std::string> types;
  for (const Json& cell : converted.notebook.cells())
    types.push_back(cell.at("cell_type"));
  return types;
}

inline std::string source_of(const Json& cell) {
  return cell.at("source").get<std::string>();
}

inline Json docnb_of(const Json& cell) {
  return cell.at("metadata").at("docnb");
}

} // namespace docnb::converters::testing
