// How the doctest examples of a Markdown or rst page are read and judged, as the runner that
// owns that syntax reads and judges them (check/rule_set.hpp). The engine chooses the rule set
// per source kind; the converters stamp it into every example's source map.
//
// Under the stdlib and sphinx rule sets every `>>>` statement is an example of its own, as
// stdlib doctest's parser makes it. Under sphinx, directives carry their doctest group (the
// argument; `default` when none; `*` and `a, b` spread to each group), `testcode` runs in
// "exec" mode (its values are not shown) and is compared with DONT_ACCEPT_BLANKLINE, as Sphinx
// does, and `:pyversion:` becomes a skip condition.
#pragma once

#include "check/directives.hpp"
#include "notebook/source_map.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace docnb::converters {

struct PageRules {
  check::RuleSet rules = check::RuleSet::xdoctest;
  // Directives every example starts with after the rule set's own defaults: Markdown's ELLIPSIS,
  // Sphinx's doctest_default_flags, --options.
  std::string options;
};

// The rule sets (converters/page_rules.hpp) of a page's `pycon` sessions and of its MyST Sphinx
// doctest directives; absent, they are read as docnb always read them. docnb's own `output`
// fences have none: they keep xdoctest's rules.
struct MarkdownRules {
  std::optional<PageRules> sessions;
  std::optional<PageRules> directives;
};

// `map` of an example judged by `rules`: its rule set and the shared options before its own.
void stamp_rules(SourceMap& map, const PageRules& rules);

// Whether `>>>` sessions split into one example per statement (stdlib doctest's parser).
[[nodiscard]] bool one_statement_each(const std::optional<PageRules>& rules);

// The warning for a page whose `count` code-blocks and literal blocks the sphinx rule set does
// not run, as sphinx-build -b doctest runs none.
[[nodiscard]] std::string not_run_under_sphinx(const std::string& path, int count);

// Sphinx's doctest group named by a directive's argument: "default" when it names none.
[[nodiscard]] std::string sphinx_group(std::string_view argument);

// A Sphinx doctest directive's fields (group, compile mode, :pyversion:) written into `map`.
void apply_sphinx_directive(SourceMap& map, std::string_view directive, std::string_view argument,
                            const std::map<std::string, std::string>& options);

// Sphinx's `:pyversion: OP VERSION` as a Python expression that is true when the kernel's
// Python does not satisfy it (a skip condition); nullopt when the spec is malformed.
[[nodiscard]] std::optional<std::string> pyversion_skipif(std::string_view spec);

} // namespace docnb::converters
