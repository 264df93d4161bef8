// Temporary folders: private, unique, and removed with everything in them by their owner.
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb;
namespace fs = std::filesystem;

TEST_CASE("temp dir: a private folder of its own, removed with its contents",
          "[support][temp_dir]") {
  fs::path kept;
  {
    Result<TempDir> dir = TempDir::create("docnb-temp-test");
    REQUIRE(dir.ok());
    kept = dir->path();
    CHECK(fs::is_directory(kept));
    CHECK(kept.filename().string().starts_with("docnb-temp-test-"));
    CHECK((fs::status(kept).permissions() & fs::perms::all) == fs::perms::owner_all);
    Result<TempDir> other = TempDir::create("docnb-temp-test");
    REQUIRE(other.ok());
    CHECK(other->path() != kept);
    fs::create_directories(kept / "a/b");
    std::ofstream(kept / "a/b/file") << "x";
  }
  CHECK_FALSE(fs::exists(kept));
}

TEST_CASE("temp dir: moving hands the folder over; assigning removes the old one",
          "[support][temp_dir]") {
  TempDir first = TempDir::create("docnb-temp-test").value();
  const fs::path path = first.path();
  TempDir moved = std::move(first);
  CHECK(moved.path() == path);
  CHECK(fs::is_directory(path));
  TempDir replaced = TempDir::create("docnb-temp-test").value();
  const fs::path old = replaced.path();
  replaced = std::move(moved);
  CHECK_FALSE(fs::exists(old));
  CHECK(replaced.path() == path);
  CHECK(fs::is_directory(path));
}
