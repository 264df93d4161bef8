// Python's `re.sub(pattern, replacement, text)` on top of PCRE2.
//
// Sanitizer files are written for nbval, which hands each pair to Python's `re.sub` with no
// flags, so both the pattern and the replacement template follow Python's rules: `\1`,
// `\g<1>`, `\g<name>`, `\n`-style escapes, empty groups substituting as "", and empty matches
// allowed right after a non-empty one (Python 3.7+).
#pragma once

#include "support/result.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace docnb::check {

class RegexSub {
public:
  // Compiles a Python-syntax `pattern` and `replacement` template. The error message says
  // what is wrong and at which offset; the caller adds the file and line.
  static Result<RegexSub> compile(std::string_view pattern, std::string_view replacement);

  // Every non-overlapping match in `text` replaced, left to right. Fails only when PCRE2
  // gives up on a match (match limit, malformed UTF-8).
  [[nodiscard]] Result<std::string> apply(std::string_view text) const;

  [[nodiscard]] const std::string& pattern() const { return pattern_; }
  [[nodiscard]] const std::string& replacement() const { return replacement_; }

  struct Code; // owns the compiled pcre2 code

private:
  // A template is literal text and group references, parsed once at compile time.
  using Piece = std::variant<std::string, unsigned>;

  std::string pattern_;
  std::string replacement_;
  // Shared so that copies stay cheap: compiled code is immutable and safe to match from
  // several threads, each with its own match data.
  std::shared_ptr<const Code> code_;
  std::vector<Piece> pieces_;
};

} // namespace docnb::check
