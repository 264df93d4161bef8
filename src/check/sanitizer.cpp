#include "check/sanitizer.hpp"

namespace docnb::check {

Result<Sanitizer> Sanitizer::compile(const std::vector<SanitizeRule>& rules) {
  // Merge duplicates first, as nbval's OrderedDict.update does.
  std::vector<SanitizeRule> merged;
  for (const SanitizeRule& rule : rules) {
    bool replaced = false;
    for (SanitizeRule& existing : merged) {
      if (existing.regex != rule.regex) {
        continue;
      }
      existing.replace = rule.replace;
      existing.where = rule.where;
      replaced = true;
    }
    if (!replaced) {
      merged.push_back(rule);
    }
  }
  Sanitizer sanitizer;
  for (const SanitizeRule& rule : merged) {
    Result<RegexSub> compiled = RegexSub::compile(rule.regex, rule.replace);
    if (!compiled) {
      return Error{compiled.error().message, rule.where};
    }
    sanitizer.rules_.push_back(std::move(compiled).value());
  }
  return sanitizer;
}

Result<std::string> Sanitizer::apply(std::string_view text) const {
  std::string current(text);
  for (const RegexSub& rule : rules_) {
    Result<std::string> next = rule.apply(current);
    if (!next) {
      return next;
    }
    current = std::move(next).value();
  }
  return current;
}

} // namespace docnb::check
