#include "cli/docstring_arguments.hpp"

#include "check/directives.hpp"
#include "cli/choice_option.hpp"
#include "converters/docstring.hpp"

#include <algorithm>

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
  add_choice(command, "--style", args.style,
             "Docstring example style: google, freeform or auto (default auto)",
             {"google", "freeform", "auto"});
  command.add_option("--attach-calls", args.attach_calls,
                     "Calls that attach a docstring to a target, comma-separated ('' for none)");
  add_choice(command, "--analysis", args.analysis,
             "static or auto (default): both read sources statically; auto also imports a "
             "package's compiled modules to read their docstrings",
             {"static", "auto"});
  command
      .add_option("--exclude", args.exclude,
                  "Module names (fnmatch globs) left out of --module packages (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--global-exec", args.global_exec,
                     "Code run in every docstring example's namespace first");
  command.add_option("--options", args.options,
                     "Directives for every docstring example, e.g. \"+IGNORE_WHITESPACE\"");
}

void with_project_config(DocstringArguments& args, const ProjectConfig& project) {
  const auto fill = [](auto& target, const auto& value) {
    if (!target && value) target = *value;
  };
  fill(args.style, project.style);
  fill(args.analysis, project.analysis);
  fill(args.exclude, project.exclude);
  fill(args.global_exec, project.global_exec);
  fill(args.options, project.options);
  if (!args.attach_calls && project.attach_calls) {
    std::string joined;
    for (const std::string& call : *project.attach_calls)
      joined += (joined.empty() ? "" : ",") + call;
    args.attach_calls = joined;
  }
}

Status check_docstring_options(const DocstringArguments& args) {
  // A typo in the options every example gets is a usage error, caught before anything runs.
  const auto valid = [](const std::optional<std::string>& value,
                        std::initializer_list<std::string_view> names) {
    return !value || std::find(names.begin(), names.end(), *value) != names.end();
  };
  if (!valid(args.style, {"google", "freeform", "auto"})) {
    return Error{"style must be google, freeform or auto, not '" + *args.style + "'", "style"};
  }
  if (!valid(args.analysis, {"static", "auto"})) {
    return Error{"analysis must be static or auto, not '" + *args.analysis + "'", "analysis"};
  }
  Result<std::vector<check::Directive>> parsed =
      check::parse_directive_list(args.options.value_or(""));
  if (!parsed) return Error{parsed.error().message, "--options"};
  for (const check::Directive& directive : *parsed) {
    if (auto unknown = check::unknown_directive(directive)) return Error{*unknown, "--options"};
  }
  return Done{};
}

converters::DocstringOptions to_docstring_options(const DocstringArguments& args) {
  converters::DocstringOptions options;
  // CLI11 has checked the style against the three names.
  if (args.style) {
    options.style = converters::doc_style_from_string(*args.style).value_or(options.style);
  }
  if (args.attach_calls) options.attach_calls = split_commas(*args.attach_calls);
  options.exclude = args.exclude.value_or(std::vector<std::string>{});
  if (args.analysis == "static")
    options.analysis = converters::DocstringOptions::Analysis::static_only;
  options.global_exec = args.global_exec.value_or("");
  options.options = args.options.value_or("");
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

Result<std::vector<std::filesystem::path>> module_files(const DocstringArguments& args) {
  Result<std::vector<std::filesystem::path>> roots = module_roots(args);
  if (!roots) return roots.error();
  const converters::DocstringOptions options = to_docstring_options(args);
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& root : *roots) {
    for (std::filesystem::path& file :
         converters::python_files_of(root, options.exclude, options.analysis))
      files.push_back(std::move(file));
  }
  return files;
}

} // namespace docnb::cli
