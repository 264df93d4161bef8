#include "cli/commands.hpp"
#include "cli/docstring_arguments.hpp"
#include "cli/rules_arguments.hpp"
#include "cli/source_warnings.hpp"
#include "converters/source.hpp"
#include "engine/cache.hpp"
#include "engine/discover.hpp"
#include "engine/project_config.hpp"
#include "engine/project_files.hpp"
#include "report/example_listing.hpp"

#include <iostream>

namespace docnb::cli {

std::function<int()> add_list_command(CLI::App& app) {
  CLI::App* command =
      app.add_subcommand("list", "Print the id of every example under the paths, one a line");
  struct Arguments {
    std::vector<std::filesystem::path> paths;
    converters::ConvertOptions options;
    DocstringArguments docstrings; // xdoctest's configuration keys, as `docnb run` takes them
    RulesArguments rules;
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
  add_rules_options(*command, args->rules);
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
    std::optional<converters::SourceRules> rules =
        source_rules_or_report(args->rules, *project, docstrings, std::cerr);
    if (!rules) return 2;
    args->options.rules = std::move(*rules);
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
      list_examples(std::cout, *converted, args->json);
    }
    return code;
  };
}

} // namespace docnb::cli
