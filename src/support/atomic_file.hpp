// Replacing a file so that a reader (or a crash) only ever sees the old or the new bytes.
#pragma once

#include "support/result.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace docnb {

// The whole content of `path`, byte for byte.
[[nodiscard]] Result<std::string> read_file_bytes(const std::filesystem::path& path);

// Writes `text` to `path` atomically: a hidden temporary file in the same directory, fsync,
// rename over `path`, fsync of the directory. An existing file's permission bits are kept; a
// new file gets 0666 less the umask. Missing parent directories are created.
//
// With `expected`, the file is replaced only if it still holds exactly those bytes right
// before the rename (it changed on disk since it was read otherwise, and is left alone).
[[nodiscard]] Status write_file_atomically(const std::filesystem::path& path, std::string_view text,
                                           const std::optional<std::string>& expected = {});

// The same, for a text made in pieces: `produce` hands each piece, in order, to the writer
// it is given, so that a large text (an executed notebook holding a flood) is never whole in
// memory.
using PieceWriter = std::function<void(std::string_view piece)>;
[[nodiscard]] Status write_file_atomically(const std::filesystem::path& path,
                                           const std::function<void(const PieceWriter&)>& produce,
                                           const std::optional<std::string>& expected = {});

// The error message write_file_atomically returns when `expected` no longer matched.
inline constexpr std::string_view changed_on_disk_message =
    "changed on disk since it was read; not overwritten";

} // namespace docnb
