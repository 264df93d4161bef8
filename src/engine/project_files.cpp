#include "engine/project_files.hpp"

#include <algorithm>
#include <fnmatch.h>

namespace docnb {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> split_segments(std::string_view text) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('/', start);
    const std::string_view segment =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!segment.empty() && segment != ".") segments.emplace_back(segment);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return segments;
}

bool match_segments(const std::vector<std::string>& glob, std::size_t g,
                    const std::vector<std::string>& path, std::size_t p) {
  if (g == glob.size()) return p == path.size();
  if (glob[g] == "**") {
    for (std::size_t skip = p; skip <= path.size(); ++skip) {
      if (match_segments(glob, g + 1, path, skip)) return true;
    }
    return false;
  }
  if (p == path.size()) return false;
  return fnmatch(glob[g].c_str(), path[p].c_str(), FNM_PERIOD) == 0 &&
         match_segments(glob, g + 1, path, p + 1);
}

bool has_wildcard(std::string_view segment) {
  return segment.find_first_of("*?[") != std::string_view::npos;
}

} // namespace

fs::path find_project_root(const fs::path& start) {
  std::error_code error;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(start), error);
  for (fs::path folder = absolute; !folder.empty(); folder = folder.parent_path()) {
    if (fs::exists(folder / "pyproject.toml", error) || fs::exists(folder / "docnb.toml", error)) {
      return folder;
    }
    if (folder == folder.parent_path()) break;
  }
  return absolute;
}

bool glob_matches(std::string_view glob, std::string_view path) {
  return match_segments(split_segments(glob), 0, split_segments(path), 0);
}

std::vector<fs::path> expand_globs(const fs::path& root, const std::vector<std::string>& globs) {
  std::vector<fs::path> found;
  for (const std::string& glob : globs) {
    // Walk only below the glob's literal prefix: `src/**/*.py` need not visit docs/.
    const std::vector<std::string> segments = split_segments(glob);
    fs::path base;
    std::size_t literal = 0;
    while (literal + 1 < segments.size() && !has_wildcard(segments[literal])) {
      base /= segments[literal++];
    }
    std::error_code error;
    if (literal + 1 == segments.size() && !has_wildcard(segments.back())) {
      if (fs::is_regular_file(root / glob, error))
        found.push_back(fs::path(glob).lexically_normal());
      continue;
    }
    if (!fs::is_directory(root / base, error)) continue;
    fs::recursive_directory_iterator walk(root / base,
                                          fs::directory_options::skip_permission_denied, error);
    if (error) continue;
    for (auto entry = fs::begin(walk); entry != fs::end(walk); entry.increment(error)) {
      if (error) break;
      const std::string name = entry->path().filename().string();
      if (entry->is_directory(error) && (name == ".docnb" || name == ".git")) {
        entry.disable_recursion_pending();
        continue;
      }
      if (!entry->is_regular_file(error)) continue;
      const fs::path relative = entry->path().lexically_relative(root);
      if (glob_matches(glob, relative.generic_string())) found.push_back(relative);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

} // namespace docnb
