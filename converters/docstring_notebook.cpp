#include "converters/docstring_notebook.hpp"

#include "converters/python_sources.hpp"
#include "converters/text_source.hpp"
#include "notebook/python_json.hpp"
#include "notebook/source_map.hpp"

#include <algorithm>
#include <sstream>

namespace docnb::converters {

namespace fs = std::filesystem;

namespace {

// Lines as nbformat stores them on disk is the writer's business; in memory a cell source
// is one string.
Json code_cell(const std::string& id, const std::string& source, const SourceMap& map) {
  Json cell{{"cell_type", "code"},        {"id", id},
            {"metadata", Json::object()}, {"source", source},
            {"outputs", Json::array()},   {"execution_count", nullptr}};
  set_source_map(cell, map);
  return cell;
}

Json literal_json(const DocstringLiteral& literal) {
  const char* form = literal.form == DocstringLiteral::Form::plain ? "plain"
                     : literal.form == DocstringLiteral::Form::raw ? "raw"
                                                                   : "other";
  return Json{{"form", form}, {"quote", literal.quote}, {"closing_line", literal.closing_line}};
}

} // namespace

std::string docstring_setup_code(const DocstringModule& module, const DocstringExample& example,
                                 const DocstringOptions& options) {
  std::ostringstream code;
  code << "# docnb: " << example.id << " starts in a fresh namespace: the globals of "
       << module.module_name << " and global_exec; values shown with repr()\n"
       << python::fresh_namespace_source() << python::fresh_namespace_function << "(get_ipython(), "
       << python_string_literal(module.module_name) << ", "
       << python_string_literal(import_root(module.path, module.module_name).string()) << ", "
       << python_string_literal(options.global_exec) << ")";
  return code.str();
}

Notebook docstring_notebook(const DocstringModule& module, const DocstringOptions& options) {
  Json cells = Json::array();
  int index = 0;
  for (const auto& example : module.examples) {
    const std::string prefix = "docnb-" + std::to_string(index++);
    cells.push_back(Json{{"cell_type", "markdown"},
                         {"id", prefix + "-title"},
                         {"metadata", Json::object()},
                         {"source", "`" + example.id + "`"}});
    const ExampleId id =
        ExampleId::parse(example.id).value_or(ExampleId::named(module.path.string(), example.id));
    std::optional<std::string> skip;
    if (example.disabled) skip = "disabled by a legacy first-line comment";
    // The engine reads an example's options from its first cell, which is this one.
    std::optional<std::string> shared_options;
    if (!options.options.empty()) shared_options = options.options;
    SourceMap setup;
    setup.role = CellRole::example_namespace;
    setup.example = id;
    setup.line = setup.last_line = example.line;
    setup.options = shared_options;
    setup.skip = skip;
    setup.disabled = example.disabled;
    setup.attached = example.attached;
    setup.literal = literal_json(example.literal);
    cells.push_back(
        code_cell(prefix + "-setup", docstring_setup_code(module, example, options), setup));
    for (size_t p = 0; p < example.parts.size(); ++p) {
      const auto& part = example.parts[p];
      SourceMap map;
      map.example = id;
      map.line = part.line;
      map.last_line = part.last_line;
      map.part = p;
      map.compile_mode = part.compile_mode;
      map.want = part.want;
      map.want_line = part.want_line;
      map.want_last_line = part.want_last_line;
      map.options = shared_options;
      map.skip = skip;
      cells.push_back(code_cell(prefix + "-part-" + std::to_string(p), part.source, map));
    }
  }
  Notebook notebook = python_notebook(module.path.string(), std::move(cells));
  set_notebook_source(notebook, {"docstring", module.module_name, module.encoding, ""});
  return notebook;
}

Result<Converted> read_docstring_module(const fs::path& path, std::string bytes,
                                        const DocstringOptions& options) {
  auto module = read_docstring_examples(path, std::move(bytes), options);
  if (!module) return module.error();
  Converted converted;
  converted.kind = SourceKind::docstring;
  converted.notebook = docstring_notebook(*module, options);
  converted.original = std::move(module->original);
  converted.warnings = std::move(module->warnings);
  return converted;
}

} // namespace docnb::converters
