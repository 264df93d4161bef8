// A notebook's text as nbformat.write writes it, produced straight from the document in
// memory: no copy of it, and no list of lines built for a long text (nbformat's split_lines
// would make a stream of millions of lines millions of JSON values).
#pragma once

#include "notebook/notebook.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace docnb {

// Takes the text in pieces, in order.
using TextSink = std::function<void(std::string_view piece)>;

// json.dumps(indent=1, sort_keys=True, ensure_ascii=False) of what nbformat.write makes of
// `document`: cell ids repaired (4.5), metadata.orig_nbformat, orig_nbformat_minor, signature
// and each cell's metadata.trusted left out, and cell sources, stream texts and the text/*,
// JavaScript and SVG values of MIME bundles written as lists of lines. No final newline.
std::string disk_text(const Json& document);
// The same text, given to `sink` in pieces of about a megabyte (a long string value, which is
// not split, in one piece).
void write_disk_text(const Json& document, const TextSink& sink);

} // namespace docnb
