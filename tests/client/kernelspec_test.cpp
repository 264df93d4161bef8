#include "client/kernelspec.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb;
namespace fs = std::filesystem;

namespace {

void write_spec(const fs::path& folder, const std::string& json) {
  fs::create_directories(folder);
  std::ofstream(folder / "kernel.json") << json;
}

} // namespace

TEST_CASE("the search path follows jupyter_client's order", "[client]") {
  const std::map<std::string, std::string> env = {
      {"JUPYTER_PATH", "/a:/b"}, {"JUPYTER_DATA_DIR", "/data"}, {"HOME", "/home/u"}};
  const std::vector<fs::path> path = kernel_search_path(env, {"/extra"});
  const std::vector<fs::path> expected = {"/extra",
                                          "/a/kernels",
                                          "/b/kernels",
                                          "/data/kernels",
                                          "/usr/local/share/jupyter/kernels",
                                          "/usr/share/jupyter/kernels"};
  CHECK(path == expected);

  const std::vector<fs::path> home_only = kernel_search_path({{"HOME", "/home/u"}});
  CHECK(home_only.front() == fs::path("/home/u/.local/share/jupyter/kernels"));
}

TEST_CASE("kernelspecs are read with env and interrupt_mode, and the first of a name wins",
          "[client]") {
  Result<TempDir> dir = TempDir::create("docnb-test");
  REQUIRE(dir.ok());
  const fs::path first = dir->path() / "first";
  const fs::path second = dir->path() / "second";
  write_spec(first / "mykernel", R"({"argv": ["run", "{connection_file}"], "display_name": "Mine",
    "language": "python", "env": {"X": "1"}, "interrupt_mode": "message"})");
  write_spec(second / "mykernel", R"({"argv": ["other"], "display_name": "Shadowed"})");
  write_spec(second / "broken", R"({"argv": "not a list"})");

  std::vector<Error> problems;
  const std::vector<KernelSpec> specs = find_kernelspecs({first, second}, &problems);
  REQUIRE(specs.size() == 1);
  CHECK(specs[0].display_name == "Mine");
  CHECK(specs[0].env.at("X") == "1");
  CHECK(specs[0].interrupt_mode == "message");
  CHECK(specs[0].argv == std::vector<std::string>{"run", "{connection_file}"});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where.find("broken") != std::string::npos);
}

TEST_CASE("an unknown kernel name is an error that lists the installed ones", "[client]") {
  Result<TempDir> dir = TempDir::create("docnb-test");
  REQUIRE(dir.ok());
  write_spec(dir->path() / "alpha", R"({"argv": ["a"]})");
  write_spec(dir->path() / "beta", R"({"argv": ["b"]})");
  Result<KernelSpec> missing = find_kernelspec("gamma", {dir->path()});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("gamma") != std::string::npos);
  CHECK(missing.error().message.find("alpha, beta") != std::string::npos);
  CHECK(find_kernelspec("beta", {dir->path()}).ok());
}

TEST_CASE("a bare python in a kernelspec is the configured interpreter", "[client]") {
  CHECK(resolve_program("python", "/opt/py/bin/python3") == "/opt/py/bin/python3");
  CHECK(resolve_program("python3", "/opt/py/bin/python3") == "/opt/py/bin/python3");
  CHECK(resolve_program("python3.11", "/opt/py/bin/python3") == "/opt/py/bin/python3");
  CHECK(resolve_program("/usr/bin/python3", "/opt/py/bin/python3") == "/usr/bin/python3");
  CHECK(resolve_program("docnb-kernel", "/opt/py/bin/python3") == "docnb-kernel");
}
