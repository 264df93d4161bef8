#include "report/example_listing.hpp"

#include <vector>

namespace docnb {
namespace {

// An example's id. Notebooks have no source lines: their examples are named by code cell, as
// nbval and the reports name them.
std::string example_id(const Json& cell, const std::string& path, int index) {
  std::string id = converters::source_map_of(cell).value("example", "");
  return id.empty() ? path + "::Cell " + std::to_string(index) : id;
}

// A page's hidden setup and cleanup code is no example (xdoctest and Sphinx list none).
bool is_page_hidden_cell(const Json& cell) {
  const std::string role = converters::source_map_of(cell).value("role", "");
  return role == "setup" || role == "cleanup";
}

// A docstring example named on the command line is `path::name`; the engine keeps a
// selection's examples by the name after the last `::` (run_notebooks.cpp).
bool is_selected(const std::string& id, const ExampleSelection* selected) {
  if (selected == nullptr) return true;
  const std::size_t at = id.rfind("::");
  return selected->contains(at == std::string::npos ? std::string() : id.substr(at + 2));
}

// One JSON object per example: its file, id, line and parts (code, want and where they are),
// as xdoctest's parser sees them for docstrings.
Json example_json(const std::string& file, const std::string& id,
                  const std::vector<const Json*>& cells, converters::SourceKind kind) {
  Json example{{"file", file}, {"id", id}, {"kind", std::string(converters::to_string(kind))}};
  Json parts = Json::array();
  for (const Json* cell : cells) {
    const Json& docnb = converters::source_map_of(*cell);
    if (docnb.value("role", "") == "namespace") {
      example["line"] = docnb.value("line", 0);
      example["disabled"] = docnb.value("disabled", false);
      example["attached"] = docnb.value("attached", false);
      continue;
    }
    if (!example.contains("line")) example["line"] = docnb.value("line", 0);
    Json part{{"line", docnb.value("line", 0)},
              {"last_line", docnb.value("last_line", 0)},
              {"source", cell->value("source", "")},
              {"want", docnb.contains("want") ? docnb["want"] : Json(nullptr)},
              {"want_line", docnb.value("want_line", 0)}};
    if (docnb.contains("compile_mode")) part["mode"] = docnb["compile_mode"];
    parts.push_back(std::move(part));
  }
  example["parts"] = std::move(parts);
  return example;
}

} // namespace

// A text source's example may span cells (its parts, a namespace cell): it is listed once.
void list_examples(std::ostream& out, const converters::Converted& converted, bool json,
                   const ExampleSelection* selected) {
  const std::string path = converted.notebook.path.string();
  int index = 0;
  std::string current;
  std::vector<const Json*> cells;
  const auto flush = [&] {
    if (cells.empty()) return;
    if (is_selected(current, selected)) {
      out << (json ? example_json(path, current, cells, converted.kind).dump() : current) << "\n";
    }
    cells.clear();
  };
  for (const Json& cell : converted.notebook.cells()) {
    if (cell.value("cell_type", "") != "code") continue;
    const std::string id = example_id(cell, path, index++);
    if (is_page_hidden_cell(cell)) continue;
    if (id != current) flush();
    current = id;
    cells.push_back(&cell);
  }
  flush();
}

std::string listing_error_json(const std::string& file, const Error& error) {
  // A message may quote bytes that are not UTF-8 (an undecodable source): replaced, not thrown.
  return Json{{"file", file}, {"error", error.message}, {"where", error.where}}.dump(
      -1, ' ', false, Json::error_handler_t::replace);
}

} // namespace docnb
