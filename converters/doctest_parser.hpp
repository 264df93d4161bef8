// xdoctest's DoctestParser (parser.py): the parts of a docstring's text, each statement with
// the want that follows it, by xdoctest's rules for labels, continuation lines and wants.
#pragma once

#include "converters/docstring_parse.hpp"
#include "support/result.hpp"

#include <string>
#include <variant>
#include <vector>

namespace docnb::converters {

// One item of DoctestParser.parse: text lines, or a part.
using ParsedItem = std::variant<std::vector<std::string>, DocPart>;

// DoctestParser.parse; `first_line` is the docstring line of the text's first line. It
// tokenizes with CPython: call it with the GIL held (python::with_python).
[[nodiscard]] Result<std::vector<ParsedItem>> parse_doctest(const std::string& text,
                                                            int first_line);

} // namespace docnb::converters
