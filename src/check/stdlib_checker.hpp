// stdlib doctest's OutputChecker (Lib/doctest.py, Python 3.11), for the stdlib and sphinx rule
// sets (check/rule_set.hpp): got and want equal, else `True`/`1` and `False`/`0` unless
// DONT_ACCEPT_TRUE_FOR_1, else equal once <BLANKLINE> lines are blank (unless
// DONT_ACCEPT_BLANKLINE), else equal with whitespace runs joined (NORMALIZE_WHITESPACE), else
// an ELLIPSIS match. Nothing else: no quote, prefix or trailing-whitespace leniency.
#pragma once

#include "check/directives.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace docnb::check {

// doctest.Example gives a non-empty want a final newline; the got side is compared as is.
[[nodiscard]] bool stdlib_output_matches(std::string_view got, std::string_view want,
                                         const DoctestOptions& options);

// doctest's _ellipsis_match: the pieces between `...` in order, nothing absorbed around them.
[[nodiscard]] bool stdlib_ellipsis_match(std::string_view want, std::string_view got);

// doctest's _EXCEPTION_RE: the exception part of a traceback want (from the first line after
// the header that starts with a word character, to the end); nullopt for any other want.
[[nodiscard]] std::optional<std::string> stdlib_exception_message(std::string_view want);

// Whether `raised` ("ValueError: bad", the kernel's last traceback line) satisfies the
// exception message of a want, compared as doctest compares them; IGNORE_EXCEPTION_DETAIL
// compares names without module path. `raised` in doctest's own form (docnb's doctest runner)
// names the class with its module, and is compared as it stands; a kernel's error output names
// it without, so there a want's module-qualified name is also tried without it.
[[nodiscard]] bool stdlib_exception_matches(std::string_view raised, std::string_view message,
                                            const DoctestOptions& options,
                                            bool raised_in_doctest_form = false);

} // namespace docnb::check
