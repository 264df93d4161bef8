// The docstring options `docnb run` and `docnb docstrings` share, named as xdoctest's
// configuration keys (--style, --global-exec, --options, --analysis) plus the attach calls,
// --module and --exclude.
#pragma once

#include "converters/docstring_options.hpp"
#include "support/result.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace docnb::cli {

struct DocstringArguments {
  std::vector<std::string> modules;
  std::string style = "auto";
  std::string attach_calls = "add_docstr,_add_docstr,add_docstr_all,add_sample_code";
  std::string analysis = "auto";
  std::vector<std::string> exclude;
  std::string global_exec;
  std::string options;
};

void add_docstring_options(CLI::App& command, DocstringArguments& args);

[[nodiscard]] converters::DocstringOptions to_docstring_options(const DocstringArguments& args);

// Each --module resolved to its file or package folder, found without importing it.
[[nodiscard]] Result<std::vector<std::filesystem::path>>
module_roots(const DocstringArguments& args);

} // namespace docnb::cli
