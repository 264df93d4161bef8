// Everything a run needs to know, built once by the command line and passed down.
#pragma once

#include "check/check_cell.hpp"
#include "execute/execute_notebook.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb {

struct RunConfig {
  std::vector<std::filesystem::path> paths;
  std::filesystem::path out_dir = "build/docnb";
  std::optional<std::string> kernel_name;           // --kernel; else the notebook's own
  std::vector<std::filesystem::path> kernel_search; // folders holding kernelspecs, in order
  std::string python_executable = "/usr/bin/python3";
  std::chrono::milliseconds startup_timeout{60'000};
  unsigned jobs = 1;
  ExecuteOptions execute;
  check::CheckOptions check;
  bool exit_first_per_notebook = false; // stop a notebook at its first failing cell
};

} // namespace docnb
