// Cell ids (nbformat 4.5+), repaired the way nbformat.validate repairs them on every read
// and write, so that a notebook docnb writes is a valid 4.5 notebook.
#pragma once

#include "notebook/notebook.hpp"

#include <optional>
#include <string>
#include <vector>

namespace docnb {

// For nbformat >= 4.5: gives every cell without an "id", and every cell whose id repeats an
// earlier one, a fresh random id of 8 hex digits (nbformat's uuid4().hex[:8]). Older minor
// versions are left alone: nbformat.read(path, 4) does not upgrade them.
void repair_cell_ids(Json& document);

// The repairs repair_cell_ids makes, without making them: for each cell, its new id, or
// nullopt to keep it. Empty for versions before 4.5.
std::vector<std::optional<std::string>> cell_id_repairs(const Json& document);

} // namespace docnb
