#include "engine/discover.hpp"

#include <algorithm>

namespace docnb {
namespace fs = std::filesystem;

namespace {

bool is_skipped_folder(const fs::path& folder) {
  const std::string name = folder.filename().string();
  return name == ".ipynb_checkpoints" || name == "build" || (name.size() > 1 && name[0] == '.');
}

bool is_within(const fs::path& path, const fs::path& folder) {
  if (folder.empty()) return false;
  std::error_code error;
  const fs::path relative = fs::relative(path, folder, error);
  return !error && !relative.empty() && *relative.begin() != "..";
}

} // namespace

Discovery discover_sources(const std::vector<fs::path>& roots, const SourceFilter& is_source,
                           const fs::path& exclude) {
  Discovery found;
  std::error_code error;
  const fs::path excluded = exclude.empty() ? fs::path() : fs::weakly_canonical(exclude, error);
  for (const fs::path& root : roots) {
    if (fs::is_regular_file(root, error)) {
      if (is_source(root)) {
        found.sources.push_back(root.lexically_normal());
      } else {
        found.problems.push_back({"not a source docnb runs (a notebook, a Markdown or "
                                  "reStructuredText page, a Python script or module)",
                                  root.string()});
      }
      continue;
    }
    if (!fs::is_directory(root, error)) {
      found.problems.push_back({"no such file or folder", root.string()});
      continue;
    }
    fs::recursive_directory_iterator walk(root, fs::directory_options::skip_permission_denied,
                                          error);
    if (error) {
      found.problems.push_back({error.message(), root.string()});
      continue;
    }
    for (auto entry = fs::begin(walk); entry != fs::end(walk); entry.increment(error)) {
      if (error) {
        found.problems.push_back({error.message(), entry->path().string()});
        break;
      }
      if (entry->is_directory(error)) {
        if (is_skipped_folder(entry->path()) ||
            is_within(fs::weakly_canonical(entry->path(), error), excluded)) {
          entry.disable_recursion_pending();
        }
        continue;
      }
      if (entry->is_regular_file(error) && is_source(entry->path())) {
        found.sources.push_back(entry->path().lexically_normal());
      }
    }
  }
  std::sort(found.sources.begin(), found.sources.end());
  found.sources.erase(std::unique(found.sources.begin(), found.sources.end()), found.sources.end());
  return found;
}

} // namespace docnb
