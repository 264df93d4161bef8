// The difference between a notebook on disk and in memory, as nbformat's v4/rwbase.py
// defines it: multi-line strings are lists of lines on disk and one string in memory, and
// transient keys never reach a file.
#pragma once

#include "notebook/notebook.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

// Python's str.splitlines(keepends=True): breaks after \n, \r, \r\n, \v, \f, \x1c-\x1e,
// U+0085, U+2028 and U+2029 (nbformat splits with it, so all of them start a new line).
std::vector<std::string> python_splitlines(std::string_view text);
// The same lines, one at a time, without storing them.
void for_each_python_line(std::string_view text, const std::function<void(std::string_view)>& line);

// nbformat rejoin_lines: joins cell sources, stream texts and the non-JSON values of
// attachment and output MIME bundles that are lists of strings.
void rejoin_lines(Json& document);

// Whether nbformat's split_lines writes a MIME bundle's string value for `mime` as a list of
// lines: text/*, JavaScript and SVG. (It also splits cell sources and stream texts; other
// values stay whole strings. notebook/disk_text.hpp writes them so.)
bool is_split_on_disk(std::string_view mime);

// nbformat strip_transient: drops metadata.orig_nbformat, orig_nbformat_minor, signature
// and every cell's metadata.trusted.
void strip_transient(Json& document);

} // namespace docnb
