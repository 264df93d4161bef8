// The verdict of a text source's cell under the stdlib and sphinx rule sets: what stdlib
// doctest's runner decides for one example. What the example printed is its stdout then its
// value's repr and a newline (sys.displayhook), except for a Sphinx `testcode` block (compile
// mode "exec"), whose value is not shown. A want-less example must print nothing; a want
// matches its own example's output only (no deferred output); an exception is compared by its
// message (check/stdlib_checker.hpp).
#pragma once

#include "check/cell_policy.hpp"
#include "check/directives.hpp"
#include "check/text_cell.hpp"
#include "check/verdict.hpp"

#include <optional>
#include <string>

namespace docnb::check {

// What the example printed, as doctest's runner collects it.
[[nodiscard]] std::string stdlib_got(const DoctestGot& got, std::string_view compile_mode);

[[nodiscard]] Verdict check_stdlib_cell(const DoctestGot& got,
                                        const std::optional<std::string>& want,
                                        std::string_view compile_mode, bool reply_error,
                                        const DoctestOptions& options, const CellPolicy& policy);

} // namespace docnb::check
