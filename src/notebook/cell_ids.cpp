#include "notebook/cell_ids.hpp"

#include <random>
#include <set>
#include <string>
#include <string_view>

namespace docnb {
namespace {

bool has_cell_ids(const Json& document) {
  const auto minor = document.find("nbformat_minor");
  return document.value("nbformat", Json()) == 4 && minor != document.end() &&
         minor->is_number_integer() && minor->get<std::int64_t>() >= 5;
}

std::string random_cell_id(std::mt19937_64& generator) {
  static constexpr std::string_view hex = "0123456789abcdef";
  std::uniform_int_distribution<int> digit(0, 15);
  std::string id;
  for (int i = 0; i < 8; ++i) {
    id += hex[static_cast<std::size_t>(digit(generator))];
  }
  return id;
}

} // namespace

void repair_cell_ids(Json& document) {
  if (!has_cell_ids(document)) {
    return;
  }
  auto cells = document.find("cells");
  if (cells == document.end() || !cells->is_array()) {
    return;
  }
  std::mt19937_64 generator{std::random_device{}()};
  for (auto& cell : *cells) {
    if (cell.is_object() && !cell.contains("id")) {
      cell["id"] = random_cell_id(generator);
    }
  }
  std::set<std::string> seen;
  for (auto& cell : *cells) {
    if (!cell.is_object()) {
      continue;
    }
    const std::string id = cell["id"].dump(); // ids are strings, but compare any value
    if (!seen.insert(id).second) {
      cell["id"] = random_cell_id(generator);
    }
  }
}

} // namespace docnb
