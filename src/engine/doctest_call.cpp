#include "engine/doctest_call.hpp"

#include "converters/python_sources.hpp"
#include "notebook/python_json.hpp"
#include "notebook/source_map.hpp"

namespace docnb {
namespace {

// A namespace cell defines the function (some 20 lines, tokenized, transformed and compiled by
// IPython in every example) and calls it on its last line: the same call of the copy the
// runner's install put in its module is all the kernel needs. A cell not ending in that call
// is sent as it is.
std::string namespace_call(const std::string& source) {
  const std::string call = "\n" + std::string(python::fresh_namespace_function) + "(";
  const std::size_t at = source.rfind(call);
  if (at == std::string::npos || source.find('\n', at + 1) != std::string::npos) return source;
  return "__import__('__docnb_doctest')." + source.substr(at + 1);
}

} // namespace

std::optional<std::string> doctest_part_code(const nlohmann::json& cell) {
  const std::optional<SourceMap> map = source_map_of(cell);
  if (!map) return std::nullopt;
  const std::string source = cell.value("source", "");
  if (map->role == CellRole::example_namespace) return namespace_call(source);
  if (map->role != CellRole::part || (!map->session && map->compile_mode.empty())) {
    return std::nullopt;
  }
  // A page's example (a `>>>` session, a Sphinx testcode) shares the kernel's namespace with
  // the page's other cells (its setup, its code + output blocks); a docstring part runs in its
  // example's own.
  const bool docstring = map->example.kind() == ExampleId::Kind::named;
  const std::string mode = map->session ? "single" : map->compile_mode;
  return "__import__('__docnb_doctest').run(" + std::string(docstring ? "None" : "globals()") +
         ", " + python_string_literal(source) + ", " + python_string_literal(mode) + ", " +
         python_string_literal(map->example.file()) + ", " + std::to_string(map->line) + ")";
}

std::string doctest_runner_install() {
  // Once per kernel: each example of a docstring module starts a run on the same kernel.
  // With the namespace function first: the runner's source installs the module at its end,
  // with every name defined by then.
  return "__import__('sys').modules.get('__docnb_doctest') or exec(" +
         python_string_literal(std::string(python::fresh_namespace_source()) + "\n\n" +
                               std::string(python::doctest_part_source())) +
         ", {'__name__': '__docnb_doctest'})";
}

} // namespace docnb
