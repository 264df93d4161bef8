// The project's own configuration: `[tool.docnb]` in pyproject.toml, or the top level of
// docnb.toml, in the project root (engine/project_files.hpp's find_project_root). Keys are named as
// xdoctest's configuration keys where xdoctest has one; the command line overrides each.
//
//   [tool.docnb]
//   depends = ["src/**/*.py"]             # files every source depends on (cache keys)
//   style = "google"                      # google | freeform | auto
//   global_exec = "import torch"          # run in every docstring example's namespace first
//   options = "+IGNORE_WHITESPACE"        # directives for every docstring example
//   analysis = "auto"                     # static | auto (auto also imports compiled modules)
//   exclude = ["torch.testing.*"]         # module names left out of packages
//   attach_calls = ["add_docstr"]         # calls that attach a docstring
//   gallery_patterns = ["plot_*.py"]      # which .py files are sphinx-gallery scripts
//   txt_as_rst = true                     # .txt files are reStructuredText
//   fork = false                          # start every kernel plainly (no fork server)
//   preload = ["torch", "numpy"]          # modules the fork servers import once
//   max_output_bytes = 1048576            # what one cell's output may keep (0: no bound)
//   max_output_action = "warn"            # a truncated output warns instead of failing
//   gateway_url = "https://gw.example"    # kernels run on this Jupyter Server / Gateway
//   rules = "stdlib"                      # xdoctest | stdlib | sphinx for every kind, or
//   rules = { docstring = "stdlib", rst = "sphinx", markdown = "stdlib" }   # per kind
//   doctest_global_setup = "import math"  # Sphinx's: run before every page's examples
//   doctest_global_cleanup = "..."        # and after them
//   doctest_default_flags = "ELLIPSIS | NORMALIZE_WHITESPACE"  # replace Sphinx's defaults
//   sphinx_conf = "docs/conf.py"          # read those three from a Sphinx conf.py (not run)
#pragma once

#include "support/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

struct ProjectConfig {
  std::filesystem::path file; // where it was read from; empty when the project has none
  std::vector<std::string> depends;
  std::optional<std::string> style;
  std::optional<std::string> global_exec;
  std::optional<std::string> options;
  std::optional<std::string> analysis;
  std::optional<std::vector<std::string>> exclude;
  std::optional<std::vector<std::string>> attach_calls;
  std::optional<std::vector<std::string>> gallery_patterns;
  std::optional<bool> txt_as_rst;
  std::optional<bool> fork;
  std::optional<std::vector<std::string>> preload;
  std::optional<std::size_t> max_output_bytes;
  std::optional<std::string> max_output_action; // "fail" or "warn"
  std::optional<std::string> gateway_url;
  std::vector<std::string> rules; // "SET" or "KIND=SET", as --rules takes them
  std::optional<std::string> doctest_global_setup;
  std::optional<std::string> doctest_global_cleanup;
  std::optional<std::string> doctest_default_flags;
  std::optional<std::string> sphinx_conf;
  // "docnb.toml:3: unknown key 'globl_exec': did you mean global_exec?"
  std::vector<std::string> warnings;
};

// Reads the configuration of the project at `root`; an error names the file and line of a
// value of the wrong type or of a file that is not TOML.
[[nodiscard]] Result<ProjectConfig> read_project_config(const std::filesystem::path& root);

// Adds to `config` what the TOML `text` of `file` sets: `[tool.docnb]` when the file is named
// pyproject.toml, the top level otherwise. Errors as read_project_config's.
[[nodiscard]] Status read_project_config_text(std::string_view text,
                                              const std::filesystem::path& file,
                                              ProjectConfig& config);

} // namespace docnb
