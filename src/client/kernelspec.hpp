// Kernelspecs: where Jupyter kernels are installed and how to start them.
#pragma once

#include "support/result.hpp"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace docnb {

struct KernelSpec {
  std::string name;                // the folder name, e.g. "python3"
  std::filesystem::path directory; // the folder holding kernel.json
  std::vector<std::string> argv;   // with "{connection_file}" still in it
  std::string display_name;
  std::string language;
  std::map<std::string, std::string> env;
  std::string interrupt_mode = "signal"; // or "message"
  nlohmann::json metadata = nlohmann::json::object();
};

// The kernels/ folders jupyter_client searches, in its order: JUPYTER_PATH entries, the user
// data dir (JUPYTER_DATA_DIR or ~/.local/share/jupyter), then /usr/local/share/jupyter and
// /usr/share/jupyter. `extra` folders (e.g. docnb's own build tree) come first.
std::vector<std::filesystem::path>
kernel_search_path(const std::map<std::string, std::string>& environment,
                   const std::vector<std::filesystem::path>& extra = {});

// The kernelspec folders that come with docnb itself, found from its own binary: beside it in
// a build tree (build/share/jupyter/kernels) and under its prefix once installed
// (bin/../share/jupyter/kernels). They hold docnb-python, the default kernel.
std::vector<std::filesystem::path> bundled_kernelspec_folders();

// Reads one kernel.json.
Result<KernelSpec> read_kernelspec(const std::filesystem::path& directory);

// The program a kernelspec's argv[0] names: a bare "python"/"python3"/"python3.11" is
// `python_executable`, as jupyter_client puts its own interpreter there.
std::string resolve_program(const std::string& program, const std::string& python_executable);

// Every kernelspec found, the first of each name winning; unreadable specs are skipped and
// reported through `problems`.
std::vector<KernelSpec> find_kernelspecs(const std::vector<std::filesystem::path>& search_path,
                                         std::vector<Error>* problems = nullptr);

// The spec named `name`; an error listing the installed names when there is none.
Result<KernelSpec> find_kernelspec(const std::string& name,
                                   const std::vector<std::filesystem::path>& search_path);

} // namespace docnb
