// What `docnb list` and `docnb convert` say about a source they read without running it: the
// converter's warnings (an unclosed fence, a misspelt skip marker) and misspelt directives.
#pragma once

#include "converters/source.hpp"

#include <ostream>

namespace docnb::cli {

void print_source_warnings(std::ostream& out, const converters::Converted& converted);

} // namespace docnb::cli
