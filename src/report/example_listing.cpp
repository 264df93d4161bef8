#include "report/example_listing.hpp"

#include "notebook/source_map.hpp"

#include <vector>

namespace docnb {
namespace {

// An example's id. Notebooks have no source lines: their examples are named by code cell, as
// nbval and the reports name them.
ExampleId example_id(const std::optional<SourceMap>& map, const std::string& path,
                     std::size_t index) {
  return map && !map->example.empty() ? map->example : ExampleId::cell(path, index);
}

// The engine keeps a selection's examples by their local name (engine/planned_source.cpp).
bool is_selected(const ExampleId& id, const ExampleSelection* selected) {
  return selected == nullptr || selected->contains(id.local_name());
}

// One JSON object per example: its file, id, line and parts (code, want and where they are),
// as xdoctest's parser sees them for docstrings.
Json example_json(const std::string& file, const ExampleId& id,
                  const std::vector<const Json*>& cells, converters::SourceKind kind) {
  Json example{
      {"file", file}, {"id", id.str()}, {"kind", std::string(converters::to_string(kind))}};
  Json parts = Json::array();
  for (const Json* cell : cells) {
    const SourceMap map = source_map_of(*cell).value_or(SourceMap{});
    if (map.role == CellRole::example_namespace) {
      example["line"] = map.line;
      example["disabled"] = map.disabled;
      example["attached"] = map.attached;
      continue;
    }
    if (!example.contains("line")) example["line"] = map.line;
    Json part{{"line", map.line},
              {"last_line", map.last_line},
              {"source", cell->value("source", "")},
              {"want", map.want ? Json(*map.want) : Json(nullptr)},
              {"want_line", map.want_line}};
    if (!map.compile_mode.empty()) part["mode"] = map.compile_mode;
    if (map.group) part["group"] = *map.group;
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
  std::size_t index = 0;
  ExampleId current;
  std::vector<const Json*> cells;
  const auto flush = [&] {
    if (cells.empty()) return;
    if (is_selected(current, selected)) {
      out << (json ? example_json(path, current, cells, converted.kind).dump() : current.str())
          << "\n";
    }
    cells.clear();
  };
  for (const Json& cell : converted.notebook.cells()) {
    if (cell.value("cell_type", "") != "code") continue;
    const std::optional<SourceMap> map = source_map_of(cell);
    const ExampleId id = example_id(map, path, index++);
    // A page's hidden setup and cleanup code is no example (xdoctest and Sphinx list none).
    if (map && map->hidden()) continue;
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
