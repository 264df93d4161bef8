// `--rules [KIND=]SET` and `--sphinx-conf PATH`, with `[tool.docnb]`'s rules,
// doctest_global_setup, doctest_global_cleanup, doctest_default_flags and sphinx_conf: which
// runner's rules judge each kind of source (converters/source_rules.hpp).
#pragma once

#include "cli/docstring_arguments.hpp"
#include "converters/source_rules.hpp"
#include "engine/project_config.hpp"
#include "support/result.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace docnb::cli {

struct RulesArguments {
  std::vector<std::string> rules; // "SET" (every kind) or "KIND=SET", in order
  std::optional<std::filesystem::path> sphinx_conf;
};

void add_rules_options(CLI::App& command, RulesArguments& args);

// The project's rules first, then the command line's, each later one overriding; the options
// and global exec every page example shares come from `docstrings` (--options, --global-exec,
// already merged with the project's). Warnings (conf.py's non-literal values, settings that
// apply to no source) go to `warnings`.
[[nodiscard]] Result<converters::SourceRules> to_source_rules(const RulesArguments& args,
                                                              const ProjectConfig& project,
                                                              const DocstringArguments& docstrings,
                                                              std::vector<std::string>& warnings);

// to_source_rules for commands that only read sources: its warnings and error printed to `err`;
// nullopt after an error.
[[nodiscard]] std::optional<converters::SourceRules>
source_rules_or_report(const RulesArguments& args, const ProjectConfig& project,
                       const DocstringArguments& docstrings, std::ostream& err);

} // namespace docnb::cli
