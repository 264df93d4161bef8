// Which rule set (check/rule_set.hpp) judges each kind of source, and what every example of a
// Markdown or rst page shares (--options, --global-exec, Sphinx's doctest_global_setup,
// doctest_global_cleanup and doctest_default_flags).
//
// Defaults by kind: docstrings xdoctest (PyTorch's and PaddlePaddle's runner); rst pages and
// MyST's Sphinx doctest directives sphinx; Markdown `pycon` sessions stdlib with ELLIPSIS (as
// pytest's --doctest-glob and Sybil); docnb's own Markdown `output` fences and notebooks keep
// xdoctest's rules whatever is chosen.
#pragma once

#include "check/directives.hpp"
#include "converters/page_rules.hpp"

#include <optional>
#include <string>

namespace docnb::converters {

struct SourceRules {
  // nullopt: the kind's default
  std::optional<check::RuleSet> docstring;
  std::optional<check::RuleSet> rst;
  std::optional<check::RuleSet> markdown;
  std::string options;        // directives for every page example (--options)
  std::string global_setup;   // run before a page's examples, in each doctest group
  std::string global_cleanup; // run after them
  // Sphinx's doctest_default_flags in directive syntax ("+ELLIPSIS"), replacing Sphinx's own.
  std::optional<std::string> sphinx_default_flags;
};

[[nodiscard]] check::RuleSet docstring_rules(const SourceRules& rules);
[[nodiscard]] MarkdownRules markdown_rules(const SourceRules& rules);
[[nodiscard]] PageRules rst_rules(const SourceRules& rules);

// A docstring module's examples under stdlib or sphinx rules: each part stamped with its rule
// set and compiled in "single" mode, as stdlib doctest compiles every example.
void apply_docstring_rules(Notebook& notebook, check::RuleSet rules);

// The global setup and cleanup as hidden cells first and last, once per doctest group when the
// page has groups (Sphinx runs them around every group).
void add_page_setup(Notebook& notebook, const SourceRules& rules);

} // namespace docnb::converters
