// JSON text exactly as CPython's json module writes it, so that notebooks docnb writes are
// byte for byte what nbformat writes (nlohmann's dump differs in float formatting).
#pragma once

#include "notebook/notebook.hpp"

#include <string>

namespace docnb {

// json.dumps(value, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False).
std::string dump_like_python(const Json& value);

// repr(float(value)): the shortest digits that round-trip, in Python's layout ("0.1",
// "100.0", "1e-05", "1e+16", "inf").
std::string python_float_repr(double value);

} // namespace docnb
