// The docstring options `docnb run` and `docnb docstrings` share, named as xdoctest's
// configuration keys (--style, --global-exec, --options, --analysis) plus the attach calls,
// --module and --exclude.
#pragma once

#include "converters/docstring_options.hpp"
#include "engine/project_config.hpp"
#include "support/result.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb::cli {

// Unset keys take the project's `[tool.docnb]` values (with_project_config), then the defaults.
struct DocstringArguments {
  std::vector<std::string> modules;
  std::optional<std::string> style;        // default auto
  std::optional<std::string> attach_calls; // default add_docstr,_add_docstr,add_docstr_all,...
  std::optional<std::string> analysis;     // default auto
  std::optional<std::vector<std::string>> exclude;
  std::optional<std::string> global_exec;
  std::optional<std::string> options;
};

// The project's values for the keys the command line left unset.
void with_project_config(DocstringArguments& args, const ProjectConfig& project);

void add_docstring_options(CLI::App& command, DocstringArguments& args);

// --options must hold known directives only.
[[nodiscard]] Status check_docstring_options(const DocstringArguments& args);

[[nodiscard]] converters::DocstringOptions to_docstring_options(const DocstringArguments& args);

// Each --module resolved to its file or package folder, found without importing it.
[[nodiscard]] Result<std::vector<std::filesystem::path>>
module_roots(const DocstringArguments& args);

// The Python files the --module names cover, as xdoctest walks a package (its modules and
// sub-packages, not stray scripts), without the --exclude ones.
[[nodiscard]] Result<std::vector<std::filesystem::path>>
module_files(const DocstringArguments& args);

} // namespace docnb::cli
