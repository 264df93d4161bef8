// JSON text exactly as CPython's json module writes it, so that notebooks docnb writes are
// byte for byte what nbformat writes (nlohmann's dump differs in float formatting).
#pragma once

#include "notebook/notebook.hpp"

#include <string>
#include <string_view>

namespace docnb {

// json.dumps(value, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False).
std::string dump_like_python(const Json& value);

// The pieces of it, for a writer that walks a document itself (notebook/disk_text.hpp):
// `value` as it appears at nesting `level`; a string literal; the line break and indent
// that precede an item at `level`.
void append_python_json(std::string& out, const Json& value, int level);
void append_python_string(std::string& out, std::string_view text);
void append_newline_indent(std::string& out, int level);

// `text` as a Python string literal, so that any text round-trips into code docnb sends a
// kernel: the JSON form of a string is one (json.dumps's escapes are Python's too).
[[nodiscard]] std::string python_string_literal(std::string_view text);

// repr(float(value)): the shortest digits that round-trip, in Python's layout ("0.1",
// "100.0", "1e-05", "1e+16", "inf").
std::string python_float_repr(double value);

} // namespace docnb
