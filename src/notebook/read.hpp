// Reading nbformat 4.0-4.5 notebooks from their text.
#pragma once

#include <filesystem>
#include <string_view>

#include "notebook/notebook.hpp"
#include "support/result.hpp"

namespace docnb {

// Parses and validates `text` as an nbformat 4 notebook. Errors name `origin` and the line
// (for JSON syntax errors) or the JSON pointer (for structural errors).
Result<Notebook> read_notebook_text(std::string_view text, const std::filesystem::path& origin);

}  // namespace docnb
