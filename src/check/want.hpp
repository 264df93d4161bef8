// A doctest "want" against what the code produced, by xdoctest's checker rules.
//
// Both sides are normalised in xdoctest's order: terminal escapes removed, u''/b'' prefixes
// removed, <BLANKLINE> markers made blank, trailing whitespace and trailing blank lines
// removed, lines ending in '\r' (progress bars) dropped, whitespace runs made one space
// (NORMALIZE_WHITESPACE) or removed (IGNORE_WHITESPACE), quotes around a repr dropped when
// that makes the sides match (NORMALIZE_REPR); then `...` in the want matches any text and
// the whitespace around it (ELLIPSIS). FLOAT_CMP, docnb's own, compares numbers with the
// checker's tolerance once the text around them matches.
#pragma once

#include "check/directives.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace docnb::check {

// xdoctest's check_output: whether `got` satisfies `want` (an empty want is satisfied).
[[nodiscard]] bool output_matches(std::string_view got, std::string_view want,
                                  const DoctestOptions& options);

// Both sides after normalisation, for showing a difference.
struct Normalised {
  std::string got;
  std::string want;
};
[[nodiscard]] Normalised normalise(std::string_view got, std::string_view want,
                                   const DoctestOptions& options);

// The exception line of a want that is a traceback ("Traceback (most recent call last):",
// frames, then the line that starts with a word character); nullopt for any other want.
[[nodiscard]] std::optional<std::string> exception_want(std::string_view want);

// Whether the raised exception, as Python prints its last line ("ValueError: bad"), satisfies
// a traceback want; IGNORE_EXCEPTION_DETAIL compares only the exception's bare name. A kernel's
// ename has no module path, so a want's is then ignored; `qualified`: `raised` is doctest's own
// form (module-qualified, as traceback.format_exception_only gives it), compared as it is.
[[nodiscard]] bool exception_matches(std::string_view raised, std::string_view want,
                                     const DoctestOptions& options, bool qualified = false);

} // namespace docnb::check
