// Where a source's executed notebook is written.
#pragma once

#include <filesystem>

namespace docnb {

// Under `out_dir`, mirroring the source's path relative to the working directory (or its
// absolute path, made relative, outside it), always as a .ipynb (a converted intro.md is
// published as intro.ipynb).
[[nodiscard]] std::filesystem::path output_path_for(const std::filesystem::path& source,
                                                    const std::filesystem::path& out_dir);

} // namespace docnb
