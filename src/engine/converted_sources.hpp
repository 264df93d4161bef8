// Docstring modules read through the cache. Converting one parses it with CPython's ast under
// the GIL (and a compiled module is imported): on a tree the size of torch that is most of a
// warm run. The result depends only on the file's bytes, where it sits and the conversion
// options, so it is kept by those, beside the stored runs.
#pragma once

#include "converters/source.hpp"
#include "engine/cache.hpp"
#include "support/result.hpp"

#include <filesystem>
#include <string>

namespace docnb {

// What a conversion of `path` depends on: docnb's own executable (a rebuilt converter converts
// anew), the path as given and the folder it is relative to (example ids and warnings spell
// it), its dotted module name (the __init__.py files around it), its bytes and the options.
[[nodiscard]] std::string conversion_key(const std::filesystem::path& path, std::string_view bytes,
                                         const converters::ConvertOptions& options);

// converters::convert_source of `bytes` (the content of `path`), with a docstring module served
// from `cache` when its key is stored and stored after a conversion that succeeded; other
// kinds (cheap to convert) and a null cache are converted directly. A source that cannot be
// converted is never stored.
[[nodiscard]] Result<converters::Converted>
convert_source_cached(const std::filesystem::path& path, std::string bytes,
                      const converters::ConvertOptions& options, Cache* cache,
                      const std::filesystem::path& project_root);

} // namespace docnb
