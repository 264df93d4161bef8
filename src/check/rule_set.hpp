// Which runner's rules judge a doctest-style example: the runner the project really uses for
// that kind of source, chosen per source kind and carried per cell in its source map ("rules").
//
//   xdoctest  xdoctest's lenient checker (check/want.hpp): ELLIPSIS, NORMALIZE_WHITESPACE and
//             NORMALIZE_REPR on, deferred output, a want-less part may print anything
//   stdlib    stdlib doctest's OutputChecker (check/stdlib_checker.hpp): exact match modulo
//             <BLANKLINE> and a trailing newline, no flag on unless asked, a want-less example
//             must print nothing, a want matches its own example's output only
//   sphinx    stdlib plus Sphinx's doctest_default_flags (ELLIPSIS, IGNORE_EXCEPTION_DETAIL,
//             DONT_ACCEPT_TRUE_FOR_1)
#pragma once

#include "check/directives.hpp"

#include <optional>
#include <string_view>

namespace docnb::check {

[[nodiscard]] std::string_view to_string(RuleSet rules);
[[nodiscard]] std::optional<RuleSet> rule_set_named(std::string_view name);

// The options every example starts from under `rules` (before its own directives).
[[nodiscard]] DoctestOptions rule_set_defaults(RuleSet rules);

// Whether `rules` judge as stdlib doctest's OutputChecker does (stdlib and sphinx).
[[nodiscard]] inline bool is_stdlib_like(RuleSet rules) {
  return rules != RuleSet::xdoctest;
}

} // namespace docnb::check
