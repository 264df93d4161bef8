#include "cli/commands.hpp"
#include "cli/rules_arguments.hpp"
#include "cli/source_warnings.hpp"
#include "converters/source.hpp"
#include "notebook/write.hpp"

#include <iostream>

namespace docnb::cli {

std::function<int()> add_convert_command(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "convert", "Convert a Markdown, rst or .py source into the notebook docnb runs");
  struct Arguments {
    std::filesystem::path source;
    std::filesystem::path out;
    converters::ConvertOptions options;
    RulesArguments rules;
  };
  auto args = std::make_shared<Arguments>();
  command->add_option("source", args->source, "The source file")->required();
  command->add_option("-o,--out", args->out, "Where to write the notebook (.ipynb)")->required();
  command->add_flag("--txt-as-rst", args->options.txt_as_rst, ".txt files are reStructuredText");
  command
      ->add_option("--gallery-pattern", args->options.gallery_patterns,
                   "File name globs of sphinx-gallery scripts (repeatable)")
      ->allow_extra_args(false);
  add_rules_options(*command, args->rules);
  return [args] {
    std::optional<converters::SourceRules> rules =
        source_rules_or_report(args->rules, ProjectConfig{}, DocstringArguments{}, std::cerr);
    if (!rules) return 2;
    args->options.rules = std::move(*rules);
    const Result<converters::Converted> converted =
        converters::read_source(args->source, args->options);
    if (!converted) {
      std::cerr << "docnb: error: " << converted.error().describe() << "\n";
      return 2;
    }
    print_source_warnings(std::cerr, *converted);
    if (const Status written = write_notebook(converted->notebook, args->out); !written) {
      std::cerr << "docnb: error: " << written.error().describe() << "\n";
      return 2;
    }
    return 0;
  };
}

} // namespace docnb::cli
