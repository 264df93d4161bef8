// Cell ids repaired as nbformat.validate repairs them: missing and repeated ids replaced by
// fresh ones of 8 hex digits, from nbformat 4.5 on only.
#include "notebook/cell_ids.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

Json document_of(int minor, Json cells) {
  return {{"nbformat", 4},
          {"nbformat_minor", minor},
          {"metadata", Json::object()},
          {"cells", std::move(cells)}};
}

Json cell_with_id(const std::string& id) {
  return {{"cell_type", "markdown"}, {"id", id}, {"metadata", Json::object()}, {"source", ""}};
}

bool is_fresh_id(const Json& id) {
  const std::string text = id.get<std::string>();
  return text.size() == 8 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

TEST_CASE("cell ids: missing and repeated ids are replaced, the first of a pair kept",
          "[notebook][cell_ids]") {
  Json without_id = cell_with_id("x");
  without_id.erase("id");
  Json document = document_of(
      5, Json::array({cell_with_id("a"), without_id, cell_with_id("a"), cell_with_id("b")}));
  const std::vector<std::optional<std::string>> repairs = cell_id_repairs(document);
  REQUIRE(repairs.size() == 4);
  CHECK_FALSE(repairs[0]);
  CHECK(repairs[1]);
  CHECK(repairs[2]);
  CHECK_FALSE(repairs[3]);
  repair_cell_ids(document);
  const Json& cells = document["cells"];
  CHECK(cells[0]["id"] == "a");
  CHECK(is_fresh_id(cells[1]["id"]));
  CHECK(is_fresh_id(cells[2]["id"]));
  CHECK(cells[1]["id"] != cells[2]["id"]);
  CHECK(cells[3]["id"] == "b");
  // Repaired once, nothing is left to repair.
  CHECK(cell_id_repairs(document) == std::vector<std::optional<std::string>>(4));
}

TEST_CASE("cell ids: notebooks before 4.5 are left alone", "[notebook][cell_ids]") {
  Json document = document_of(4, Json::array({cell_with_id("a"), cell_with_id("a")}));
  CHECK(cell_id_repairs(document).empty());
  const Json before = document;
  repair_cell_ids(document);
  CHECK(document == before);
}
