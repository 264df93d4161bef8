#include "cli/docstring_arguments.hpp"

#include "converters/docstring.hpp"

namespace docnb::cli {

namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    if (end > start) items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

} // namespace

void add_docstring_options(CLI::App& command, DocstringArguments& args) {
  command
      .add_option("-m,--module", args.modules,
                  "A module or package by its dotted name, found on the interpreter's path "
                  "without importing it (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--style", args.style, "Docstring example style: google, freeform or auto")
      ->check(CLI::IsMember({"google", "freeform", "auto"}));
  command.add_option("--attach-calls", args.attach_calls,
                     "Calls that attach a docstring to a target, comma-separated ('' for none)");
  command
      .add_option("--analysis", args.analysis,
                  "static or auto; both read sources statically (compiled modules are not read)")
      ->check(CLI::IsMember({"static", "auto"}));
  command
      .add_option("--exclude", args.exclude,
                  "Module names (fnmatch globs) left out of --module packages (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--global-exec", args.global_exec,
                     "Code run in every docstring example's namespace first");
  command.add_option("--options", args.options,
                     "Directives for every docstring example, e.g. \"+IGNORE_WHITESPACE\"");
}

converters::DocstringOptions to_docstring_options(const DocstringArguments& args) {
  converters::DocstringOptions options;
  // CLI11 has checked the style against the three names.
  options.style = converters::doc_style_from_string(args.style).value_or(options.style);
  options.attach_calls = split_commas(args.attach_calls);
  options.exclude = args.exclude;
  options.global_exec = args.global_exec;
  options.options = args.options;
  return options;
}

Result<std::vector<std::filesystem::path>> module_roots(const DocstringArguments& args) {
  std::vector<std::filesystem::path> roots;
  for (const std::string& name : args.modules) {
    Result<std::filesystem::path> root = converters::resolve_module(name);
    if (!root) return Error{root.error().message, "--module " + name};
    roots.push_back(*root);
  }
  return roots;
}

} // namespace docnb::cli
