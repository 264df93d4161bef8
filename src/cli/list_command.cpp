#include "cli/commands.hpp"
#include "cli/docstring_arguments.hpp"
#include "cli/source_warnings.hpp"
#include "converters/source.hpp"
#include "engine/cache.hpp"
#include "engine/discover.hpp"
#include "engine/project_config.hpp"
#include "engine/project_files.hpp"

#include <iostream>

namespace docnb::cli {
namespace {

// An example's id. Notebooks have no source lines: their examples are named by code cell, as
// nbval and the reports name them.
ExampleId example_id(const std::optional<SourceMap>& map, const std::string& path,
                     std::size_t index) {
  return map && !map->example.empty() ? map->example : ExampleId::cell(path, index);
}

// One JSON object per example: its id, line and parts (code, want and where they are), as
// xdoctest's parser sees them for docstrings.
Json example_json(const ExampleId& id, const std::vector<const Json*>& cells,
                  converters::SourceKind kind) {
  Json example{{"id", id.str()}, {"kind", std::string(converters::to_string(kind))}};
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
    parts.push_back(std::move(part));
  }
  example["parts"] = std::move(parts);
  return example;
}

// A text source's example may span cells (its parts, a namespace cell): it is listed once.
void list_examples(const converters::Converted& converted, bool json) {
  const std::string path = converted.notebook.path.string();
  std::size_t index = 0;
  ExampleId current;
  std::vector<const Json*> cells;
  const auto flush = [&] {
    if (cells.empty()) return;
    if (json) {
      std::cout << example_json(current, cells, converted.kind).dump() << "\n";
    } else {
      std::cout << current.str() << "\n";
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

} // namespace

std::function<int()> add_list_command(CLI::App& app) {
  CLI::App* command =
      app.add_subcommand("list", "Print the id of every example under the paths, one a line");
  struct Arguments {
    std::vector<std::filesystem::path> paths;
    converters::ConvertOptions options;
    DocstringArguments docstrings; // xdoctest's configuration keys, as `docnb run` takes them
    bool json = false;
  };
  auto args = std::make_shared<Arguments>();
  command->add_option("paths", args->paths,
                      "Sources, or folders to search for them (required unless --module names "
                      "one)");
  command->add_flag("--txt-as-rst", args->options.txt_as_rst, ".txt files are reStructuredText");
  command
      ->add_option("--gallery-pattern", args->options.gallery_patterns,
                   "File name globs of sphinx-gallery scripts (repeatable)")
      ->allow_extra_args(false);
  add_docstring_options(*command, args->docstrings);
  command->add_flag("--json", args->json,
                    "One JSON object a line per example: id, kind, line and its parts");
  return [args] {
    DocstringArguments docstrings = args->docstrings;
    const Result<ProjectConfig> project =
        read_project_config(find_project_root(std::filesystem::current_path()));
    if (!project) {
      std::cerr << "docnb: error: " << project.error().describe() << "\n";
      return 2;
    }
    with_project_config(docstrings, *project);
    if (Status checked = check_docstring_options(docstrings); !checked) {
      std::cerr << "docnb: error: " << checked.error().describe() << "\n";
      return 2;
    }
    args->options.docstrings = to_docstring_options(docstrings);
    std::vector<std::filesystem::path> paths = args->paths;
    const Result<std::vector<std::filesystem::path>> modules = module_files(docstrings);
    if (!modules) {
      std::cerr << "docnb: error: " << modules.error().describe() << "\n";
      return 2;
    }
    paths.insert(paths.end(), modules->begin(), modules->end());
    if (paths.empty()) {
      std::cerr << "docnb: error: nothing to list: give paths or --module\n";
      return 2;
    }
    const Discovery found = discover_sources(paths, [&](const std::filesystem::path& path) {
      return converters::is_source_file(path, args->options);
    });
    int code = 0;
    for (const Error& problem : found.problems) {
      std::cerr << "docnb: error: " << problem.describe() << "\n";
      code = 2;
    }
    for (const std::filesystem::path& path : found.sources) {
      const Result<converters::Converted> converted = converters::read_source(path, args->options);
      if (!converted) {
        std::cerr << "docnb: error: " << converted.error().describe() << "\n";
        code = 2;
        continue;
      }
      print_source_warnings(std::cerr, *converted);
      list_examples(*converted, args->json);
    }
    return code;
  };
}

} // namespace docnb::cli
