#include "engine/shard.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <set>
#include <utility>

using namespace docnb;

namespace {

std::vector<std::string> names(std::size_t count) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < count; ++i)
    ids.push_back("docs/nb" + std::to_string(i) + ".ipynb");
  return ids;
}

} // namespace

TEST_CASE("shards cover every source exactly once", "[engine][shard]") {
  for (const std::size_t sources : {0U, 1U, 2U, 7U, 40U, 101U}) {
    const std::vector<std::string> ids = names(sources);
    std::map<std::string, double> partial; // some sources timed, some never
    for (std::size_t i = 0; i < sources; i += 2)
      partial[ids[i]] = 1.0 + static_cast<double>(i % 7);
    const std::map<std::string, double> none;
    for (const std::map<std::string, double>* durations : {&std::as_const(partial), &none}) {
      for (const std::size_t count : {1U, 2U, 3U, 5U, 16U}) {
        std::multiset<std::size_t> seen;
        for (std::size_t k = 1; k <= count; ++k) {
          const std::vector<std::size_t> members = shard_members(ids, *durations, {k, count});
          seen.insert(members.begin(), members.end());
        }
        INFO(sources << " sources, " << count << " shards");
        CHECK(seen.size() == sources); // intersection empty
        CHECK(std::set<std::size_t>(seen.begin(), seen.end()).size() == sources); // union all
      }
    }
  }
}

TEST_CASE("the split does not depend on the order sources were found in", "[engine][shard]") {
  std::vector<std::string> ids = names(23);
  std::map<std::string, double> durations;
  for (std::size_t i = 0; i < ids.size(); ++i)
    durations[ids[i]] = static_cast<double>((i * 7) % 5);
  std::set<std::string> first;
  for (const std::size_t i : shard_members(ids, durations, {2, 4}))
    first.insert(ids[i]);
  std::reverse(ids.begin(), ids.end());
  std::set<std::string> second;
  for (const std::size_t i : shard_members(ids, durations, {2, 4}))
    second.insert(ids[i]);
  CHECK(first == second);
}

TEST_CASE("recorded durations balance the shards, and without them counts do", "[engine][shard]") {
  const std::vector<std::string> ids = names(6);
  SECTION("one long source gets a shard to itself") {
    std::map<std::string, double> durations;
    for (const std::string& id : ids)
      durations[id] = 1;
    durations[ids[3]] = 10;
    const std::vector<std::size_t> first = shard_members(ids, durations, {1, 2});
    const std::vector<std::size_t> second = shard_members(ids, durations, {2, 2});
    const bool alone_in_first = first == std::vector<std::size_t>{3};
    const bool alone_in_second = second == std::vector<std::size_t>{3};
    CHECK(alone_in_first != alone_in_second);
  }
  SECTION("no durations: counts differ by at most one") {
    for (const std::size_t count : {2U, 4U, 5U}) {
      std::vector<std::size_t> sizes;
      for (std::size_t k = 1; k <= count; ++k)
        sizes.push_back(shard_members(ids, {}, {k, count}).size());
      CHECK(*std::max_element(sizes.begin(), sizes.end()) -
                *std::min_element(sizes.begin(), sizes.end()) <=
            1);
    }
  }
}

TEST_CASE("a shard is given as K/N with 1 <= K <= N", "[engine][shard]") {
  const Result<ShardSpec> ok = parse_shard("2/3");
  REQUIRE(ok.ok());
  CHECK(ok->index == 2);
  CHECK(ok->count == 3);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "/3", "1/", "1/3x", "-1/3"}) {
    INFO(bad);
    CHECK_FALSE(parse_shard(bad).ok());
  }
}
