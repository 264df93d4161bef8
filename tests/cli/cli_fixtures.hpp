// Command lines parsed as docnb's own, in a project folder of their own.
#pragma once

#include "support/temp_dir.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>

namespace docnb::testing {

// A fresh project folder, the working directory while it lives (options are read relative to
// it, and the project's docnb.toml from it).
class InProject {
public:
  explicit InProject(const std::string& docnb_toml = "")
      : dir_(TempDir::create("docnb-cli-test").value()),
        previous_(std::filesystem::current_path()) {
    if (!docnb_toml.empty()) std::ofstream(dir_.path() / "docnb.toml") << docnb_toml;
    std::filesystem::current_path(dir_.path());
  }
  InProject(const InProject&) = delete;
  InProject& operator=(const InProject&) = delete;
  ~InProject() {
    std::error_code ignored;
    std::filesystem::current_path(previous_, ignored);
  }

  [[nodiscard]] const std::filesystem::path& path() const { return dir_.path(); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_.path() / name, std::ios::binary) << text;
  }

private:
  TempDir dir_;
  std::filesystem::path previous_;
};

// `line` parsed by a command that `add` gave its options; throws CLI11's errors.
template <typename Add> void parse_options(const Add& add, const std::string& line) {
  CLI::App app;
  add(app);
  app.parse(line, false);
}

// What a sub-command printed on stdout and the exit code it returned.
struct CommandRun {
  int code = -1;
  std::string out;
};

// `docnb LINE`, where `add` registers the one sub-command LINE names.
inline CommandRun run_command(const std::function<std::function<int()>(CLI::App&)>& add,
                              const std::string& line) {
  CLI::App app;
  const std::function<int()> run = add(app);
  app.parse(line, false);
  std::ostringstream captured;
  std::streambuf* const previous = std::cout.rdbuf(captured.rdbuf());
  CommandRun result;
  result.code = run();
  std::cout.rdbuf(previous);
  result.out = captured.str();
  return result;
}

} // namespace docnb::testing
