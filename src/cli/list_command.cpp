#include "cli/commands.hpp"
#include "converters/source.hpp"
#include "engine/discover.hpp"

#include <iostream>

namespace docnb::cli {
namespace {

// Notebooks have no source lines: their examples are named by code cell, as nbval and the
// reports name them. A text source's example may span cells (its parts, a hidden setup cell):
// it is listed once.
void list_examples(const converters::Converted& converted) {
  const std::string path = converted.notebook.path.string();
  int index = 0;
  std::string previous;
  for (const Json& cell : converted.notebook.cells()) {
    if (cell.value("cell_type", "") != "code") continue;
    const Json metadata = cell.value("metadata", Json::object());
    const Json docnb = metadata.value("docnb", Json::object());
    std::string id = docnb.value("example", "");
    if (id.empty()) id = path + "::Cell " + std::to_string(index);
    ++index;
    if (id == previous) continue;
    previous = id;
    std::cout << id << "\n";
  }
}

} // namespace

std::function<int()> add_list_command(CLI::App& app) {
  CLI::App* command =
      app.add_subcommand("list", "Print the id of every example under the paths, one a line");
  struct Arguments {
    std::vector<std::filesystem::path> paths;
    converters::ConvertOptions options;
  };
  auto args = std::make_shared<Arguments>();
  command->add_option("paths", args->paths, "Sources, or folders to search for them")->required();
  command->add_flag("--txt-as-rst", args->options.txt_as_rst, ".txt files are reStructuredText");
  command
      ->add_option("--gallery-pattern", args->options.gallery_patterns,
                   "File name globs of sphinx-gallery scripts (repeatable)")
      ->allow_extra_args(false);
  return [args] {
    const Discovery found = discover_sources(args->paths, [&](const std::filesystem::path& path) {
      return converters::source_kind(path, args->options).has_value();
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
      for (const std::string& warning : converted->warnings) {
        std::cerr << "warning: " << warning << "\n";
      }
      list_examples(*converted);
    }
    return code;
  };
}

} // namespace docnb::cli
