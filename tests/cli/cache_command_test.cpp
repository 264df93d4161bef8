// `docnb cache info|clear` on a project's content cache.
#include "cli/commands.hpp"
#include "cli_fixtures.hpp"
#include "engine/cache.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using docnb::testing::InProject;
using docnb::testing::run_command;

TEST_CASE("cache command: a project without a cache gets none from looking", "[cli][cache]") {
  const InProject project("");
  const auto info = run_command(cli::add_cache_command, "cache info");
  CHECK(info.code == 0);
  CHECK_THAT(info.out, Catch::StartsWith("cache: none yet ("));
  CHECK_FALSE(std::filesystem::exists(cache_path(project.path())));
}

TEST_CASE("cache command: info counts what is stored, clear empties it", "[cli][cache]") {
  const InProject project("");
  {
    std::vector<std::string> warnings;
    Result<Cache> cache = Cache::open(cache_path(project.path()), warnings);
    REQUIRE(cache.ok());
    REQUIRE(cache->store_conversion("calc.py", "key", "{}"));
  }
  const auto info = run_command(cli::add_cache_command, "cache info");
  CHECK(info.code == 0);
  CHECK_THAT(info.out, Catch::Contains("converted modules: 1\n"));
  const auto cleared = run_command(cli::add_cache_command, "cache clear");
  CHECK(cleared.code == 0);
  CHECK_THAT(cleared.out, Catch::StartsWith("docnb: cleared "));
  CHECK_THAT(run_command(cli::add_cache_command, "cache info").out,
             Catch::Contains("converted modules: 0\n"));
  CHECK_THROWS_AS(run_command(cli::add_cache_command, "cache drop"), CLI::ValidationError);
}
