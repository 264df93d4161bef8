// What `docnb list` prints, and `docnb run --list-json`: the examples of a source, by id.
#pragma once

#include "converters/source.hpp"
#include "support/result.hpp"

#include <functional>
#include <ostream>
#include <set>
#include <string>

namespace docnb {

// Examples kept from a docstring module when only some were named (`path::name`); a null
// selection keeps every example.
using ExampleSelection = std::set<std::string, std::less<>>;

// One line per example of the converted source: its id, or with json one object holding the
// source's path (file), id, kind, line and parts (code, want and where each sits) as xdoctest's
// parser sees them. A page's hidden setup and cleanup code is no example.
void list_examples(std::ostream& out, const converters::Converted& converted, bool json,
                   const ExampleSelection* selected = nullptr);

// A source that cannot be listed, as one JSON line: {"file", "error", "where"}.
[[nodiscard]] std::string listing_error_json(const std::string& file, const Error& error);

} // namespace docnb
