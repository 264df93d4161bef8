// An ordered set of compiled sanitizer rules, applied to both sides before comparing.
#pragma once

#include "check/regex_sub.hpp"
#include "check/sanitize_rules.hpp"
#include "support/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace docnb::check {

class Sanitizer {
public:
  Sanitizer() = default; // no rules: text passes through unchanged

  // Compiles the rules in order. nbval keeps its patterns in an ordered dict keyed by regex,
  // so a regex given twice keeps its first place and takes its last replacement; this does
  // the same. A bad regex or template fails with the rule's file:line.
  static Result<Sanitizer> compile(const std::vector<SanitizeRule>& rules);

  // `text` with every rule applied in turn (Python `re.sub`, all matches).
  [[nodiscard]] Result<std::string> apply(std::string_view text) const;

  [[nodiscard]] bool empty() const { return rules_.empty(); }
  [[nodiscard]] std::size_t size() const { return rules_.size(); }

private:
  std::vector<RegexSub> rules_;
};

} // namespace docnb::check
