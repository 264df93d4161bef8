// The sources a run covers: found under folders, checkpoints, build output and hidden folders
// passed over, roots that are no source or do not exist reported.
#include "engine/discover.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb;
namespace fs = std::filesystem;

namespace {

bool is_page(const fs::path& path) {
  return path.extension() == ".md";
}

struct Tree {
  TempDir dir = TempDir::create("docnb-discover").value();

  explicit Tree(std::initializer_list<const char*> files) {
    for (const char* file : files) {
      fs::create_directories((dir.path() / file).parent_path());
      std::ofstream(dir.path() / file) << "text\n";
    }
  }
  [[nodiscard]] fs::path operator/(const char* name) const { return dir.path() / name; }
};

} // namespace

TEST_CASE("discover: sources under folders, sorted, skipped folders passed over",
          "[engine][discover]") {
  const Tree tree{"b.md",
                  "a/x.md",
                  "a/notes.txt",
                  ".ipynb_checkpoints/b-checkpoint.md",
                  "build/docnb/out.md",
                  ".hidden/h.md",
                  "a/build/y.md",
                  "out/z.md"};
  const Discovery all = discover_sources({tree.dir.path()}, is_page);
  CHECK(all.problems.empty());
  CHECK(all.sources == std::vector<fs::path>{tree / "a/x.md", tree / "b.md", tree / "out/z.md"});
  // The output folder of a run is never a source of the next one.
  const Discovery without_out = discover_sources({tree.dir.path()}, is_page, tree / "out");
  CHECK(without_out.sources == std::vector<fs::path>{tree / "a/x.md", tree / "b.md"});
}

TEST_CASE("discover: a root is a source itself, or a problem", "[engine][discover]") {
  const Tree tree{"b.md", "notes.txt"};
  const Discovery found =
      discover_sources({tree / "b.md", tree / "notes.txt", tree / "missing"}, is_page);
  CHECK(found.sources == std::vector<fs::path>{tree / "b.md"});
  REQUIRE(found.problems.size() == 2);
  CHECK(found.problems[0].where == (tree / "notes.txt").string());
  CHECK_THAT(found.problems[0].message, Catch::StartsWith("not a source docnb runs"));
  CHECK(found.problems[1].where == (tree / "missing").string());
  CHECK(found.problems[1].message == "no such file or folder");
}
