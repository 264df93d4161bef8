// Cell ids (nbformat 4.5+), repaired the way nbformat.validate repairs them on every read
// and write, so that a notebook docnb writes is a valid 4.5 notebook.
#pragma once

#include "notebook/notebook.hpp"

namespace docnb {

// For nbformat >= 4.5: gives every cell without an "id", and every cell whose id repeats an
// earlier one, a fresh random id of 8 hex digits (nbformat's uuid4().hex[:8]). Older minor
// versions are left alone: nbformat.read(path, 4) does not upgrade them.
void repair_cell_ids(Json& document);

} // namespace docnb
