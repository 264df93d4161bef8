#include "../client/code_cells.hpp"
#include "engine/cache.hpp"
#include "engine/project_files.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sqlite3.h>

using namespace docnb;
namespace fs = std::filesystem;
using testing::code_cell;
using testing::notebook_of;

namespace {

Json markdown_cell(const std::string& source) {
  return {{"cell_type", "markdown"}, {"source", source}, {"metadata", Json::object()}};
}

// A run of `notebook` as execute_notebook would return it: each code cell printed its index.
NotebookRun executed(const Notebook& notebook) {
  NotebookRun run;
  run.notebook = notebook;
  Json& cells = run.notebook.cells();
  int count = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i]["cell_type"] != "code") continue;
    cells[i]["outputs"] = Json::array(
        {{{"output_type", "stream"}, {"name", "stdout"}, {"text", std::to_string(i) + "\n"}}});
    cells[i]["execution_count"] = ++count;
    cells[i]["metadata"]["execution"] = {{"iopub.status.busy", "2024-01-01T00:00:00.000000Z"}};
    CellRun cell;
    cell.index = i;
    cell.seconds = 0.25;
    run.cells.push_back(cell);
  }
  return run;
}

CacheKeyParts parts_for(const Notebook& notebook) {
  CacheKeyParts parts;
  parts.source = "docs/intro.ipynb";
  parts.cells = code_cells_fingerprint(notebook);
  parts.kernel = R"({"name":"python3"})";
  parts.config = R"({"timeout":-1})";
  parts.depends = "none";
  return parts;
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

} // namespace

TEST_CASE("the cache key changes with a cell, the kernel, the config, the dependencies and the "
          "version, and with nothing else",
          "[engine][cache]") {
  const Notebook base = notebook_of(
      Json::array({markdown_cell("# Title"), code_cell("x = 1"), code_cell("print(x)")}));
  const std::string key = cache_key(parts_for(base));
  CHECK(cache_key(parts_for(base)) == key);

  SECTION("a code cell edit is a miss") {
    Notebook edited = base;
    edited.cells()[2]["source"] = "print(x + 1)";
    CHECK(cache_key(parts_for(edited)) != key);
  }
  SECTION("a tag that changes how a cell runs is a miss") {
    Notebook tagged = base;
    tagged.cells()[1]["metadata"]["tags"] = Json::array({"skip-execution"});
    CHECK(cache_key(parts_for(tagged)) != key);
  }
  SECTION("outputs, execution counts, timing stamps, view state and markdown are not") {
    Notebook viewed = executed(base).notebook;
    viewed.cells()[1]["metadata"]["collapsed"] = true;
    viewed.cells()[2]["metadata"]["jupyter"] = {{"source_hidden", true}};
    viewed.cells()[0]["source"] = "# Another title";
    CHECK(cache_key(parts_for(viewed)) == key);
  }
  SECTION("every other part is a miss") {
    for (std::string CacheKeyParts::*part :
         {&CacheKeyParts::source, &CacheKeyParts::kernel, &CacheKeyParts::config,
          &CacheKeyParts::depends, &CacheKeyParts::version}) {
      CacheKeyParts changed = parts_for(base);
      changed.*part += "x";
      CHECK(cache_key(changed) != key);
    }
  }
  SECTION("parts cannot run into one another") {
    CacheKeyParts a = parts_for(base);
    CacheKeyParts b = a;
    a.kernel = "ab";
    a.config = "c";
    b.kernel = "a";
    b.config = "bc";
    CHECK(cache_key(a) != cache_key(b));
  }
}

TEST_CASE("the dependency digest follows contents, not timestamps", "[engine][cache]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  write_text(root->path() / "src/pkg/a.py", "A = 1\n");
  write_text(root->path() / "src/b.py", "B = 2\n");
  write_text(root->path() / "docs/c.py", "C = 3\n");
  write_text(root->path() / "data.csv", "1,2\n");
  const std::vector<std::string> globs{"src/**/*.py", "data.csv"};
  const std::vector<fs::path> files = expand_globs(root->path(), globs);
  REQUIRE(files == std::vector<fs::path>{"data.csv", "src/b.py", "src/pkg/a.py"});
  const std::string digest = depends_digest(root->path(), files);

  // Rewritten with the same bytes (a touch): same digest.
  write_text(root->path() / "src/pkg/a.py", "A = 1\n");
  fs::last_write_time(root->path() / "src/b.py", fs::file_time_type::clock::now());
  CHECK(depends_digest(root->path(), expand_globs(root->path(), globs)) == digest);

  write_text(root->path() / "src/pkg/a.py", "A = 2\n");
  CHECK(depends_digest(root->path(), expand_globs(root->path(), globs)) != digest);
  write_text(root->path() / "src/pkg/a.py", "A = 1\n");
  write_text(root->path() / "src/new.py", "");
  CHECK(depends_digest(root->path(), expand_globs(root->path(), globs)) != digest);
}

TEST_CASE("a stored run comes back under its key only, replayed onto the current source",
          "[engine][cache]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  const fs::path file = root->path() / ".docnb/cache.sqlite";
  std::vector<std::string> warnings;
  Result<Cache> cache = Cache::open(file, warnings);
  REQUIRE(cache.ok());
  CHECK(warnings.empty());

  const Notebook source =
      notebook_of(Json::array({code_cell("print(0)"), markdown_cell("text"), code_cell("2")}));
  const NotebookRun run = executed(source);
  REQUIRE(cache->store("nb.ipynb", "key-1", run, 1.5).ok());
  CHECK_FALSE(cache->lookup("nb.ipynb", "key-2").has_value());
  CHECK_FALSE(cache->lookup("other.ipynb", "key-1").has_value());
  std::optional<CachedRun> stored = cache->lookup("nb.ipynb", "key-1");
  REQUIRE(stored.has_value());
  CHECK(stored->seconds == 1.5);
  REQUIRE(stored->cells.size() == 2);
  CHECK(cache->durations().at("nb.ipynb") == 1.5);

  // A markdown cell added since: the written notebook has it, code cells keep their outputs.
  Notebook current = source;
  current.cells().insert(current.cells().begin(), markdown_cell("new intro"));
  std::optional<NotebookRun> replayed = replay(current, *stored);
  REQUIRE(replayed.has_value());
  const Json& cells = replayed->notebook.cells();
  REQUIRE(cells.size() == 4);
  CHECK(cells[0]["source"] == "new intro");
  CHECK(cells[1]["outputs"][0]["text"] == "0\n");
  CHECK(cells[1]["execution_count"] == 1);
  CHECK(cells[1]["metadata"].contains("execution"));
  CHECK(cells[3]["outputs"][0]["text"] == "2\n");
  REQUIRE(replayed->cells.size() == 2);
  CHECK(replayed->cells[0].index == 1);
  CHECK(replayed->cells[1].index == 3);

  // A code cell more or fewer cannot be replayed.
  Notebook fewer = source;
  fewer.cells().erase(fewer.cells().begin());
  CHECK_FALSE(replay(fewer, *stored).has_value());

  // Survives reopening; info and clear.
  Result<Cache> again = Cache::open(file, warnings);
  REQUIRE(again.ok());
  CHECK(warnings.empty());
  CHECK(again->lookup("nb.ipynb", "key-1").has_value());
  CHECK(again->info().entries == 1);
  REQUIRE(again->clear().ok());
  CHECK(again->info().entries == 0);
  CHECK_FALSE(again->lookup("nb.ipynb", "key-1").has_value());
}

TEST_CASE("a corrupt cache file is reported and rebuilt, never trusted", "[engine][cache]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  const fs::path file = root->path() / "cache.sqlite";
  const NotebookRun run = executed(notebook_of(Json::array({code_cell("1")})));

  SECTION("not a database at all") {
    write_text(file, std::string(4096, 'x'));
  }
  SECTION("a database whose pages were overwritten") {
    {
      std::vector<std::string> warnings;
      Result<Cache> cache = Cache::open(file, warnings);
      REQUIRE(cache.ok());
      for (int i = 0; i < 50; ++i) {
        REQUIRE(cache->store("nb" + std::to_string(i), "k", run, 1).ok());
      }
    }
    std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
    bytes.seekp(4096 + 100);
    const std::string garbage(8192, '\x5a');
    bytes.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  SECTION("a database of another schema") {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
    sqlite3_exec(raw, "CREATE TABLE runs (x); PRAGMA user_version=99;", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }

  std::vector<std::string> warnings;
  Result<Cache> cache = Cache::open(file, warnings);
  REQUIRE(cache.ok());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("rebuilt") != std::string::npos);
  CHECK(cache->info().entries == 0);
  REQUIRE(cache->store("nb.ipynb", "k", run, 1).ok());
  CHECK(cache->lookup("nb.ipynb", "k").has_value());
}

TEST_CASE("a stored entry whose text was altered is a miss", "[engine][cache]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  const fs::path file = root->path() / "cache.sqlite";
  std::vector<std::string> warnings;
  Result<Cache> cache = Cache::open(file, warnings);
  REQUIRE(cache.ok());
  REQUIRE(
      cache->store("nb.ipynb", "k", executed(notebook_of(Json::array({code_cell("1")}))), 1).ok());
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "UPDATE runs SET notebook = replace(notebook, '1', '7')", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  CHECK_FALSE(cache->lookup("nb.ipynb", "k").has_value());
}

TEST_CASE("only runs the kernel got through may be stored", "[engine][cache]") {
  NotebookRun run = executed(notebook_of(Json::array({code_cell("1"), code_cell("2")})));
  CHECK(kernel_behaved(run));
  run.cells[1].status = CellStatus::error; // the cell raised: the kernel behaved
  CHECK(kernel_behaved(run));
  for (CellStatus bad :
       {CellStatus::timed_out, CellStatus::kernel_died, CellStatus::aborted, CellStatus::not_run}) {
    run.cells[1].status = bad;
    CHECK_FALSE(kernel_behaved(run));
  }
  run.cells[1].status = CellStatus::ok;
  run.kernel_lost = true;
  CHECK_FALSE(kernel_behaved(run));
}

TEST_CASE("preloaded modules are part of the execution fingerprint while kernels fork",
          "[engine][cache]") {
  RunConfig config;
  const std::string plain = execution_fingerprint(config);
  config.preload = {"torch"};
  const std::string preloaded = execution_fingerprint(config);
  CHECK(preloaded != plain);
  config.preload = {"torch", "numpy"};
  CHECK(execution_fingerprint(config) != preloaded);
  // Without forking nothing is preloaded; forking alone changes nothing a cell sees.
  config.fork = false;
  CHECK(execution_fingerprint(config) == plain);
  config.preload.clear();
  CHECK(execution_fingerprint(config) == plain);
}

TEST_CASE("a run whose executed notebook is too large is not stored", "[engine][cache]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  std::vector<std::string> warnings;
  Result<Cache> cache = Cache::open(root->path() / ".docnb/cache.sqlite", warnings);
  REQUIRE(cache.ok());
  NotebookRun run = executed(notebook_of(Json::array({code_cell("print('x' * N)")})));
  run.notebook.cells()[0]["outputs"][0]["text"] = std::string(max_cached_notebook_bytes, 'x');
  const Status stored = cache->store("nb.ipynb", "k", run, 1);
  REQUIRE_FALSE(stored.ok());
  CHECK_THAT(stored.error().message, Catch::Contains("over the 32 MiB the cache stores"));
  CHECK_FALSE(cache->lookup("nb.ipynb", "k").has_value());
}
