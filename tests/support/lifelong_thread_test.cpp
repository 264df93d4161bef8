#include "support/lifelong_thread.hpp"

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

using namespace docnb;

TEST_CASE("work runs on one thread that outlives the threads asking for it", "[support]") {
  std::thread::id first;
  run_on_lifelong_thread([&first] { first = std::this_thread::get_id(); });
  CHECK(first != std::this_thread::get_id());
  std::vector<std::thread::id> seen(4);
  std::vector<std::thread> askers;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    askers.emplace_back([&seen, i] {
      run_on_lifelong_thread([&seen, i] { seen[i] = std::this_thread::get_id(); });
    });
  }
  for (std::thread& asker : askers)
    asker.join();
  for (const std::thread::id& id : seen)
    CHECK(id == first);
}
