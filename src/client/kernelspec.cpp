#include "client/kernelspec.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace docnb {
namespace fs = std::filesystem;

std::vector<fs::path> kernel_search_path(const std::map<std::string, std::string>& environment,
                                         const std::vector<fs::path>& extra) {
  std::vector<fs::path> data_dirs;
  const auto lookup = [&](const std::string& key) -> std::string {
    const auto found = environment.find(key);
    return found == environment.end() ? std::string() : found->second;
  };
  std::stringstream jupyter_path(lookup("JUPYTER_PATH"));
  for (std::string entry; std::getline(jupyter_path, entry, ':');) {
    if (!entry.empty()) data_dirs.emplace_back(entry);
  }
  if (const std::string data_dir = lookup("JUPYTER_DATA_DIR"); !data_dir.empty()) {
    data_dirs.emplace_back(data_dir);
  } else if (const std::string home = lookup("HOME"); !home.empty()) {
    data_dirs.push_back(fs::path(home) / ".local/share/jupyter");
  }
  data_dirs.emplace_back("/usr/local/share/jupyter");
  data_dirs.emplace_back("/usr/share/jupyter");

  std::vector<fs::path> folders = extra;
  for (const fs::path& dir : data_dirs)
    folders.push_back(dir / "kernels");
  return folders;
}

std::vector<fs::path> bundled_kernelspec_folders() {
  std::error_code error;
  const fs::path binary = fs::read_symlink("/proc/self/exe", error);
  if (error) return {};
  const fs::path folder = binary.parent_path();
  return {folder / "share/jupyter/kernels", folder.parent_path() / "share/jupyter/kernels"};
}

std::string resolve_program(const std::string& program, const std::string& python_executable) {
  if (program == "python" || program == "python3" || program == "python3.11") {
    return python_executable;
  }
  return program;
}

Result<KernelSpec> read_kernelspec(const fs::path& directory) {
  const fs::path file = directory / "kernel.json";
  std::ifstream in(file);
  if (!in) return Error{"cannot read", file.string()};
  const nlohmann::json spec = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (spec.is_discarded() || !spec.is_object()) return Error{"not valid JSON", file.string()};
  const auto argv = spec.find("argv");
  if (argv == spec.end() || !argv->is_array() || argv->empty() ||
      !std::all_of(argv->begin(), argv->end(), [](const auto& a) { return a.is_string(); })) {
    return Error{"'argv' must be a non-empty list of strings", file.string()};
  }
  KernelSpec result;
  result.name = directory.filename().string();
  result.directory = directory;
  result.argv = argv->get<std::vector<std::string>>();
  result.display_name = spec.value("display_name", result.name);
  result.language = spec.value("language", "");
  result.interrupt_mode = spec.value("interrupt_mode", "signal");
  if (const auto env = spec.find("env"); env != spec.end() && env->is_object()) {
    for (const auto& [key, value] : env->items()) {
      if (value.is_string()) result.env[key] = value.get<std::string>();
    }
  }
  if (const auto metadata = spec.find("metadata"); metadata != spec.end()) {
    result.metadata = *metadata;
  }
  return result;
}

std::vector<KernelSpec> find_kernelspecs(const std::vector<fs::path>& search_path,
                                         std::vector<Error>* problems) {
  std::vector<KernelSpec> specs;
  std::set<std::string> seen;
  for (const fs::path& folder : search_path) {
    std::error_code error;
    if (!fs::is_directory(folder, error)) continue;
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
      if (fs::exists(entry.path() / "kernel.json", error)) entries.push_back(entry.path());
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::path& dir : entries) {
      const std::string name = dir.filename().string();
      if (seen.contains(name)) continue;
      Result<KernelSpec> spec = read_kernelspec(dir);
      if (!spec) {
        if (problems != nullptr) problems->push_back(spec.error());
        continue;
      }
      seen.insert(name);
      specs.push_back(std::move(spec).value());
    }
  }
  return specs;
}

Result<KernelSpec> find_kernelspec(const std::string& name,
                                   const std::vector<fs::path>& search_path) {
  std::vector<KernelSpec> specs = find_kernelspecs(search_path);
  for (KernelSpec& spec : specs) {
    if (spec.name == name) return std::move(spec);
  }
  std::string installed;
  for (const KernelSpec& spec : specs)
    installed += (installed.empty() ? "" : ", ") + spec.name;
  return Error{"no kernel named '" + name +
                   "' is installed (installed: " + (installed.empty() ? "none" : installed) + ")",
               ""};
}

} // namespace docnb
