// The project a run belongs to: its root folder, and the files its dependency globs name.
#include "engine/project_files.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb;
namespace fs = std::filesystem;

TEST_CASE("globs match segment by segment, ** any number of folders", "[engine][project_files]") {
  CHECK(glob_matches("src/**/*.py", "src/a.py"));
  CHECK(glob_matches("src/**/*.py", "src/pkg/sub/a.py"));
  CHECK_FALSE(glob_matches("src/**/*.py", "docs/a.py"));
  CHECK_FALSE(glob_matches("src/*.py", "src/pkg/a.py"));
  CHECK(glob_matches("data/file?.csv", "data/file1.csv"));
  CHECK(glob_matches("**", "anything/at/all.txt"));
  CHECK_FALSE(glob_matches("src/*.py", "src/.hidden.py"));
}

TEST_CASE("the project root is the nearest folder up with a project file",
          "[engine][project_files]") {
  const TempDir dir = TempDir::create("docnb-project").value();
  const fs::path root = fs::canonical(dir.path());
  fs::create_directories(root / "docs/api");
  CHECK(find_project_root(root / "docs/api") == root / "docs/api"); // none: where it started
  std::ofstream(root / "pyproject.toml") << "[project]\n";
  CHECK(find_project_root(root / "docs/api") == root);
  std::ofstream(root / "docs/docnb.toml") << "";
  CHECK(find_project_root(root / "docs/api") == root / "docs");
}

TEST_CASE("globs expand to the files under the root, relative, sorted, once each",
          "[engine][project_files]") {
  const TempDir dir = TempDir::create("docnb-project").value();
  for (const char* file : {"src/a.py", "src/pkg/b.py", "docs/c.py", "data.csv"}) {
    fs::create_directories((dir.path() / file).parent_path());
    std::ofstream(dir.path() / file) << "";
  }
  CHECK(expand_globs(dir.path(), {"src/**/*.py", "src/*.py", "*.csv"}) ==
        std::vector<fs::path>{"data.csv", "src/a.py", "src/pkg/b.py"});
  CHECK(expand_globs(dir.path(), {"missing/**"}).empty());
}
