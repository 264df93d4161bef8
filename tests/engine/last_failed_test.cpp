// --last-failed: the failed sources of a run recorded, read back, and a run narrowed to them.
#include "../test_notebooks.hpp"
#include "engine/last_failed.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb;
using namespace docnb::testing;
namespace fs = std::filesystem;

namespace {

SourceResult result_of(const fs::path& source, std::vector<Outcome> outcomes) {
  SourceResult result;
  result.source = source;
  for (std::size_t i = 0; i < outcomes.size(); ++i)
    result.verdicts.push_back(verdict_of(outcomes[i], i));
  return result;
}

} // namespace

TEST_CASE("last failed: the failed sources come back, the passed ones do not", "[last_failed]") {
  const TempDir dir = TempDir::create("docnb-last-failed").value();
  const fs::path record = last_failed_path(dir.path());
  CHECK(record == dir.path() / ".docnb" / "last-failed.json");
  const fs::path good = dir.path() / "good.md";
  const fs::path bad = dir.path() / "bad.md";
  SourceResult broken = result_of(dir.path() / "broken.md", {});
  broken.input_error = Error{"cannot read", "broken.md"};
  REQUIRE(write_last_failed(record, {result_of(good, {Outcome::passed, Outcome::skipped}),
                                     result_of(bad, {Outcome::passed, Outcome::failed}), broken})
              .ok());
  const std::optional<std::set<fs::path>> failed = read_last_failed(record);
  REQUIRE(failed);
  CHECK(failed->size() == 2);
  CHECK(select_last_failed({good, bad, dir.path() / "broken.md", dir.path() / "new.md"}, failed) ==
        std::vector<fs::path>{bad, dir.path() / "broken.md"});
}

TEST_CASE("last failed: no usable record runs everything", "[last_failed]") {
  const TempDir dir = TempDir::create("docnb-last-failed").value();
  const fs::path record = last_failed_path(dir.path());
  const std::vector<fs::path> sources{dir.path() / "a.md", dir.path() / "b.md"};
  CHECK_FALSE(read_last_failed(record)); // none yet
  CHECK(select_last_failed(sources, read_last_failed(record)) == sources);
  // A run without failures leaves a record that selects nothing out.
  REQUIRE(write_last_failed(record, {result_of(sources[0], {Outcome::passed})}).ok());
  CHECK_FALSE(read_last_failed(record));
  std::ofstream(record) << "{not json";
  CHECK_FALSE(read_last_failed(record));
  std::ofstream(record) << R"({"sources": "a.md"})";
  CHECK_FALSE(read_last_failed(record));
}
