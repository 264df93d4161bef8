#include "notebook/source_map.hpp"

#include <charconv>

namespace docnb {
namespace {

const std::string key(metadata_key);
constexpr std::string_view cell_prefix = "Cell ";

std::optional<std::size_t> number_in(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

const Json* docnb_object(const Json& holder) {
  const auto metadata = holder.find("metadata");
  if (metadata == holder.end() || !metadata->is_object()) return nullptr;
  const auto docnb = metadata->find(key);
  return docnb != metadata->end() && docnb->is_object() ? &*docnb : nullptr;
}

std::optional<std::string> optional_string(const Json& object, const char* name) {
  const auto value = object.find(name);
  if (value == object.end() || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

int integer(const Json& object, const char* name) {
  const auto value = object.find(name);
  return value != object.end() && value->is_number_integer() ? value->get<int>() : 0;
}

CellRole role_named(std::string_view name) {
  if (name == "setup") return CellRole::setup;
  if (name == "cleanup") return CellRole::cleanup;
  if (name == "namespace") return CellRole::example_namespace;
  return CellRole::part;
}

const char* role_name(CellRole role) {
  switch (role) {
  case CellRole::setup:
    return "setup";
  case CellRole::cleanup:
    return "cleanup";
  case CellRole::example_namespace:
    return "namespace";
  case CellRole::part:
    break;
  }
  return nullptr;
}

} // namespace

ExampleId::ExampleId(std::string file, Kind kind, std::size_t number, std::string name)
    : file_(std::move(file)), kind_(kind), number_(number), name_(std::move(name)) {}

ExampleId ExampleId::cell(std::string file, std::size_t code_cell) {
  return {std::move(file), Kind::cell, code_cell, {}};
}

ExampleId ExampleId::line(std::string file, std::size_t line) {
  return {std::move(file), Kind::line, line, {}};
}

ExampleId ExampleId::named(std::string file, std::string name) {
  return {std::move(file), Kind::named, 0, std::move(name)};
}

std::optional<ExampleId> ExampleId::parse(std::string_view text) {
  // The last "::": a path may hold one, a cell's or a docstring example's name never does.
  if (const auto at = text.rfind("::"); at != std::string_view::npos) {
    const std::string_view file = text.substr(0, at);
    const std::string_view name = text.substr(at + 2);
    if (file.empty() || name.empty()) return std::nullopt;
    if (name.starts_with(cell_prefix)) {
      if (const auto number = number_in(name.substr(cell_prefix.size()))) {
        return cell(std::string(file), *number);
      }
    }
    return named(std::string(file), std::string(name));
  }
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const auto number = number_in(text.substr(colon + 1));
  if (!number) return std::nullopt;
  return line(std::string(text.substr(0, colon)), *number);
}

std::string ExampleId::local_name() const {
  switch (kind_) {
  case Kind::cell:
    return std::string(cell_prefix) + std::to_string(number_);
  case Kind::line:
    return std::to_string(number_);
  case Kind::named:
    break;
  }
  return name_;
}

std::string ExampleId::str() const {
  return kind_ == Kind::line ? file_ + ":" + local_name() : file_ + "::" + local_name();
}

bool has_source_map(const Json& cell) {
  return docnb_object(cell) != nullptr;
}

std::optional<SourceMap> source_map_of(const Json& cell) {
  const Json* docnb = docnb_object(cell);
  if (docnb == nullptr) return std::nullopt;
  SourceMap map;
  if (const auto example = optional_string(*docnb, "example")) {
    map.example = ExampleId::parse(*example).value_or(ExampleId::named("", *example));
  }
  map.line = integer(*docnb, "line");
  map.last_line = integer(*docnb, "last_line");
  map.want = optional_string(*docnb, "want");
  map.want_line = integer(*docnb, "want_line");
  map.want_last_line = integer(*docnb, "want_last_line");
  map.options = optional_string(*docnb, "options");
  map.skip = optional_string(*docnb, "skip");
  map.skipif = optional_string(*docnb, "skipif");
  map.rules = optional_string(*docnb, "rules");
  map.group = optional_string(*docnb, "group");
  map.role = role_named(docnb->value("role", ""));
  if (const auto part = docnb->find("part"); part != docnb->end() && part->is_number_unsigned()) {
    map.part = part->get<std::size_t>();
  }
  map.compile_mode = docnb->value("compile_mode", "");
  map.session = docnb->value("session", false);
  map.disabled = docnb->value("disabled", false);
  map.attached = docnb->value("attached", false);
  if (const auto literal = docnb->find("literal"); literal != docnb->end()) map.literal = *literal;
  return map;
}

void set_source_map(Json& cell, const SourceMap& map) {
  Json docnb = {{"line", map.line}, {"last_line", map.last_line}};
  if (!map.example.empty()) docnb["example"] = map.example.str();
  if (map.want) {
    docnb["want"] = *map.want;
    docnb["want_line"] = map.want_line;
    docnb["want_last_line"] = map.want_last_line;
  }
  if (map.options) docnb["options"] = *map.options;
  if (map.skip) docnb["skip"] = *map.skip;
  if (map.skipif) docnb["skipif"] = *map.skipif;
  if (map.rules) docnb["rules"] = *map.rules;
  if (map.group) docnb["group"] = *map.group;
  if (const char* role = role_name(map.role)) docnb["role"] = role;
  if (map.part) docnb["part"] = *map.part;
  if (!map.compile_mode.empty()) docnb["compile_mode"] = map.compile_mode;
  if (map.session) docnb["session"] = true;
  if (map.disabled) docnb["disabled"] = true;
  if (map.attached) docnb["attached"] = true;
  if (!map.literal.is_null()) docnb["literal"] = map.literal;
  Json& metadata = cell["metadata"];
  if (!metadata.is_object()) metadata = Json::object();
  metadata[key] = std::move(docnb);
  if (map.role != CellRole::part) metadata["nbsphinx"] = "hidden";
}

NotebookSource notebook_source_of(const Notebook& notebook) {
  NotebookSource source;
  if (const Json* docnb = docnb_object(notebook.document)) {
    source.kind = docnb->value("source_kind", "");
    source.module = docnb->value("module", "");
    source.encoding = docnb->value("encoding", "");
    source.front_matter = docnb->value("front_matter", "");
  }
  return source;
}

void set_notebook_source(Notebook& notebook, const NotebookSource& source) {
  Json docnb = Json::object();
  if (!source.kind.empty()) docnb["source_kind"] = source.kind;
  if (!source.module.empty()) docnb["module"] = source.module;
  if (!source.encoding.empty()) docnb["encoding"] = source.encoding;
  if (!source.front_matter.empty()) docnb["front_matter"] = source.front_matter;
  Json& metadata = notebook.document["metadata"];
  if (docnb.empty()) {
    if (metadata.is_object()) metadata.erase(key);
    return;
  }
  metadata[key] = std::move(docnb);
}

std::size_t code_cell_number(const Json& cells, std::size_t index) {
  std::size_t number = 0;
  for (std::size_t k = 0; k < index && k < cells.size(); ++k)
    number += cells[k].value("cell_type", "") == "code" ? 1 : 0;
  return number;
}

} // namespace docnb
