// --update for docstring examples: fresh outputs written as the wants of their parts, inside
// the same string literal, in the indentation of the part's prompt.
//
// What can be written: a want of a plain or raw string literal whose lines are lines of the
// file (no escaped newline joins two of them) and that does not share its line with the
// closing quotes. A plain literal gets what it needs escaped (backslashes, control characters,
// a run of its own quote characters); a raw literal cannot hold its quotes or control
// characters, so such an output is not written. A docstring that is not one literal (an
// f-string, `.format(...)`, a concatenation) is not written either; each refusal is reported
// with its file and line, and the other wants of the file are still written.
#pragma once

#include "converters/source.hpp"

namespace docnb::converters {

[[nodiscard]] Result<WriteBack> write_back_docstrings(const Converted& converted,
                                                      const std::vector<FreshOutput>& fresh);

} // namespace docnb::converters
