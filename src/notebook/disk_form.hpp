// The difference between a notebook on disk and in memory, as nbformat's v4/rwbase.py
// defines it: multi-line strings are lists of lines on disk and one string in memory, and
// transient keys never reach a file.
#pragma once

#include "notebook/notebook.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace docnb {

// Python's str.splitlines(keepends=True): breaks after \n, \r, \r\n, \v, \f, \x1c-\x1e,
// U+0085, U+2028 and U+2029 (nbformat splits with it, so all of them start a new line).
std::vector<std::string> python_splitlines(std::string_view text);

// nbformat rejoin_lines: joins cell sources, stream texts and the non-JSON values of
// attachment and output MIME bundles that are lists of strings.
void rejoin_lines(Json& document);

// nbformat split_lines: splits cell sources, stream texts and the text/*, JavaScript and
// SVG values of MIME bundles into lists of lines. Other values stay whole strings.
void split_lines(Json& document);

// nbformat strip_transient: drops metadata.orig_nbformat, orig_nbformat_minor, signature
// and every cell's metadata.trusted.
void strip_transient(Json& document);

} // namespace docnb
