// `docnb docstrings`: the docstring examples docnb finds, one id a line, as
// `xdoctest MODULE --command=list` lists them.
#include "cli/commands.hpp"
#include "cli/docstring_arguments.hpp"
#include "converters/docstring.hpp"
#include "converters/docstring_notebook.hpp"
#include "notebook/notebook.hpp"
#include "notebook/write.hpp"

#include <iostream>
#include <sstream>

namespace docnb::cli {

namespace {

struct DocstringsArgs {
  std::vector<std::filesystem::path> paths;
  DocstringArguments docstrings;
  bool json = false;
  std::filesystem::path notebooks; // write each module's notebook form here
};

// Each module's notebook form (converters/docstring_notebook.hpp) as DIR/<module>.ipynb.
void write_notebooks(const std::vector<std::filesystem::path>& roots,
                     const converters::DocstringOptions& options,
                     const std::filesystem::path& folder, int& status) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  for (const auto& root : roots) {
    for (const auto& file : converters::python_files_of(root, options.exclude)) {
      auto converted = converters::read_docstring_module(file, options);
      if (!converted) {
        std::cerr << "docnb: " << converted.error().describe() << "\n";
        status = 2;
        continue;
      }
      const auto target = folder / (converters::module_name_of(file) + ".ipynb");
      if (const auto written = write_notebook(converted->notebook, target); !written) {
        std::cerr << "docnb: " << written.error().describe() << "\n";
        status = 2;
        continue;
      }
      std::cout << target.string() << "\n";
    }
  }
}

// One JSON object a line per example: id, line, disabled and its parts with their lines.
void print_examples_json(const std::vector<std::filesystem::path>& roots,
                         const converters::DocstringOptions& options, int& status) {
  for (const auto& root : roots) {
    for (const auto& file : converters::python_files_of(root, options.exclude)) {
      auto module = converters::read_docstring_examples(file, options);
      if (!module) {
        std::cerr << "docnb: " << module.error().describe() << "\n";
        status = 2;
        continue;
      }
      for (const auto& example : module->examples) {
        Json parts = Json::array();
        for (const auto& part : example.parts) {
          parts.push_back({{"line", part.line},
                           {"last_line", part.last_line},
                           {"source", part.source},
                           {"want", part.want ? Json(*part.want) : Json(nullptr)},
                           {"want_line", part.want_line},
                           {"mode", part.compile_mode}});
        }
        std::cout << Json{{"id", example.id},
                          {"line", example.line},
                          {"disabled", example.disabled},
                          {"attached", example.attached},
                          {"parts", parts}}
                         .dump()
                  << "\n";
      }
    }
  }
}

} // namespace

std::function<int()> add_docstrings_command(CLI::App& app) {
  CLI::App* command =
      app.add_subcommand("docstrings", "List the docstring examples (xdoctest's ids) under paths");
  auto args = std::make_shared<DocstringsArgs>();
  command->add_option("paths", args->paths, "Python files or package folders");
  add_docstring_options(*command, args->docstrings);
  command->add_flag("--json", args->json, "One JSON object a line per example, with its parts");
  command->add_option("--notebooks", args->notebooks,
                      "Write each module's notebook form to DIR/<module>.ipynb");
  return [args] {
    const converters::DocstringOptions options = to_docstring_options(args->docstrings);
    std::vector<std::filesystem::path> roots = args->paths;
    int status = 0;
    if (Result<std::vector<std::filesystem::path>> modules = module_roots(args->docstrings)) {
      roots.insert(roots.end(), modules->begin(), modules->end());
    } else {
      std::cerr << "docnb: " << modules.error().describe() << "\n";
      status = 2;
    }
    if (!args->notebooks.empty()) {
      write_notebooks(roots, options, args->notebooks, status);
      return status;
    }
    if (args->json) {
      print_examples_json(roots, options, status);
      return status;
    }
    const auto listed = converters::list_docstring_examples(roots, options);
    for (const auto& id : listed.ids)
      std::cout << id << "\n";
    for (const auto& warning : listed.warnings)
      std::cerr << "warning: " << warning << "\n";
    for (const auto& problem : listed.problems)
      std::cerr << "docnb: " << problem.describe() << "\n";
    if (!listed.problems.empty()) status = 2;
    return status;
  };
}

} // namespace docnb::cli
