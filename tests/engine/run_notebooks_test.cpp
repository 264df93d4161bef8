// A run of several sources: an unexpected failure while one source is handled costs that source
// alone, and nothing the run started outlives it.
#include "client/kernelspec.hpp"
#include "client/process.hpp"
#include "engine/run_notebooks.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

using namespace docnb;
namespace fs = std::filesystem;

namespace {

void write_page(const fs::path& path, const std::string& session) {
  std::ofstream(path) << "# A page\n\n```pycon\n" << session << "```\n";
}

// The processes whose parent is this one: kernels, fork servers, anything a run left behind.
std::vector<pid_t> children() {
  std::vector<pid_t> found;
  for (const fs::directory_entry& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    std::getline(stat, line);
    const std::size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    char state = 0;
    pid_t parent = 0;
    if (std::sscanf(line.c_str() + close + 1, " %c %d", &state, &parent) == 2 &&
        parent == getpid()) {
      found.push_back(std::stoi(name));
    }
  }
  return found;
}

RunConfig config_in(const fs::path& folder) {
  RunConfig config;
  config.kernel_name = "python3";
  config.kernel_search = kernel_search_path(current_environment());
  config.out_dir = folder / "out";
  config.project_root = folder;
  config.use_cache = false;
  config.jobs = 1;
  return config;
}

} // namespace

TEST_CASE("an exception while one source is handled is that source's error, and the run goes on",
          "[engine][run]") {
  Result<TempDir> folder = TempDir::create("docnb-test");
  REQUIRE(folder.ok());
  const fs::path broken = folder->path() / "broken.md";
  const fs::path sound = folder->path() / "sound.md";
  write_page(broken, ">>> 1 + 1\n2\n");
  write_page(sound, ">>> 2 + 2\n4\n");
  RunHooks hooks;
  // A bug deep in the handling of one source, as the out_of_range a `#` line once threw.
  hooks.on_started = [&](const fs::path& source) {
    if (source == broken) throw std::out_of_range("basic_string::at: __n (which is 1)");
  };
  std::size_t finished = 0;
  const std::vector<SourceResult> results = run_notebooks(
      config_in(folder->path()), {broken, sound}, [&](const SourceResult&) { ++finished; }, hooks);
  REQUIRE(results.size() == 2);
  CHECK(finished == 2);
  REQUIRE(results[0].input_error.has_value());
  CHECK(results[0].input_error->where == broken.string());
  CHECK_THAT(results[0].input_error->message,
             Catch::Contains("internal error") && Catch::Contains("basic_string::at"));
  REQUIRE(results[1].verdicts.size() == 1);
  CHECK(results[1].verdicts[0].outcome == Outcome::passed);
  CHECK_FALSE(results[1].input_error.has_value());
  RunTotals totals;
  for (const SourceResult& result : results)
    totals.add(result);
  CHECK(totals.exit_code() == 2); // an input error: a report says so, and CI fails
  CHECK(children().empty());
}

TEST_CASE("every source of a run gets its result, in the order given", "[engine][run]") {
  Result<TempDir> folder = TempDir::create("docnb-test");
  REQUIRE(folder.ok());
  std::vector<fs::path> pages;
  for (int i = 0; i < 3; ++i) {
    pages.push_back(folder->path() / ("page" + std::to_string(i) + ".md"));
    write_page(pages.back(), ">>> print(" + std::to_string(i) + ")\n" +
                                 (i == 1 ? std::string("7\n") : std::to_string(i) + "\n"));
  }
  RunConfig config = config_in(folder->path());
  config.jobs = 2;
  const std::vector<SourceResult> results =
      run_notebooks(config, pages, [](const SourceResult&) {});
  REQUIRE(results.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(results[i].source == pages[i]);
    REQUIRE(results[i].verdicts.size() == 1);
    CHECK(results[i].verdicts[0].outcome == (i == 1 ? Outcome::failed : Outcome::passed));
  }
  CHECK(children().empty());
}
