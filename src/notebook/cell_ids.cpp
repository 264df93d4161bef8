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

std::vector<std::optional<std::string>> cell_id_repairs(const Json& document) {
  std::vector<std::optional<std::string>> repairs;
  const auto cells = document.find("cells");
  if (!has_cell_ids(document) || cells == document.end() || !cells->is_array()) return repairs;
  repairs.resize(cells->size());
  std::mt19937_64 generator{std::random_device{}()};
  for (std::size_t k = 0; k < cells->size(); ++k) {
    const Json& cell = (*cells)[k];
    if (cell.is_object() && !cell.contains("id")) repairs[k] = random_cell_id(generator);
  }
  std::set<std::string> seen;
  for (std::size_t k = 0; k < cells->size(); ++k) {
    const Json& cell = (*cells)[k];
    if (!cell.is_object()) continue;
    // ids are strings, but compare any value
    const std::string id = repairs[k] ? Json(*repairs[k]).dump() : cell.at("id").dump();
    if (!seen.insert(id).second) repairs[k] = random_cell_id(generator);
  }
  return repairs;
}

void repair_cell_ids(Json& document) {
  const std::vector<std::optional<std::string>> repairs = cell_id_repairs(document);
  for (std::size_t k = 0; k < repairs.size(); ++k) {
    if (repairs[k]) document["cells"][k]["id"] = *repairs[k];
  }
}

} // namespace docnb
