// The project docnb runs in: its root folder, and the files its dependency globs name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

// The nearest folder from `start` upwards holding pyproject.toml or docnb.toml; `start` itself
// when there is none. Cache, dependency globs and recorded durations are relative to it, so
// a run from a sub-folder shares them.
std::filesystem::path find_project_root(const std::filesystem::path& start);

// Files under `root` matching any of `globs` (`*`, `?`, `[...]` within a path segment, `**`
// for any number of segments), relative to `root`, sorted, without duplicates.
std::vector<std::filesystem::path> expand_globs(const std::filesystem::path& root,
                                                const std::vector<std::string>& globs);

// Whether `path` (relative, '/'-separated) matches `glob` with the rules above.
bool glob_matches(std::string_view glob, std::string_view path);

} // namespace docnb
