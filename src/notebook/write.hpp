// Writing notebooks byte for byte as Python's nbformat.write does.
#pragma once

#include <filesystem>
#include <string>

#include "notebook/notebook.hpp"
#include "support/result.hpp"

namespace docnb {

// The exact text nbformat.write produces: indent 1, sorted keys, non-ASCII kept, multi-line
// strings split into lists of lines, transient keys stripped, one trailing newline.
std::string notebook_to_text(const Notebook& notebook);

// Writes atomically (support/atomic_file.hpp): a temporary file in the target's directory,
// fsync, rename, the existing file's mode kept. Creates missing parent directories.
Status write_notebook(const Notebook& notebook, const std::filesystem::path& path);

}  // namespace docnb
