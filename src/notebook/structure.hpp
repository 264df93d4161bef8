// The structural checks a notebook must pass before docnb works on it: the keys that
// nbformat.read and nbformat.write dereference without guarding (it crashes or refuses where
// they are missing), and the version, since docnb speaks nbformat 4 only.
#pragma once

#include "notebook/notebook.hpp"
#include "support/result.hpp"

#include <optional>
#include <string>

namespace docnb {

// The first structural problem in `document` (a parsed notebook file read from `origin`),
// or nothing. The error's `where` is `origin#/json/pointer`.
std::optional<Error> find_structure_error(const Json& document, const std::string& origin);

} // namespace docnb
