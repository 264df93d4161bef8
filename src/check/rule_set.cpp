#include "check/rule_set.hpp"

namespace docnb::check {

std::string_view to_string(RuleSet rules) {
  switch (rules) {
  case RuleSet::xdoctest:
    return "xdoctest";
  case RuleSet::stdlib:
    return "stdlib";
  case RuleSet::sphinx:
    return "sphinx";
  }
  return "xdoctest";
}

std::optional<RuleSet> rule_set_named(std::string_view name) {
  for (const RuleSet rules : {RuleSet::xdoctest, RuleSet::stdlib, RuleSet::sphinx}) {
    if (to_string(rules) == name) return rules;
  }
  return std::nullopt;
}

DoctestOptions rule_set_defaults(RuleSet rules) {
  DoctestOptions options;
  options.rules = rules;
  if (rules == RuleSet::xdoctest) return options;
  // stdlib doctest's optionflags start at 0.
  options.ellipsis = false;
  options.normalize_whitespace = false;
  options.normalize_repr = false;
  if (rules == RuleSet::sphinx) {
    // sphinx.ext.doctest's doctest_default_flags.
    options.ellipsis = true;
    options.ignore_exception_detail = true;
    options.dont_accept_true_for_1 = true;
  }
  return options;
}

} // namespace docnb::check
