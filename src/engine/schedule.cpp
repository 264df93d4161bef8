#include "engine/schedule.hpp"

#include <algorithm>
#include <numeric>

namespace docnb {

std::vector<std::size_t> longest_first(const std::vector<std::string>& ids,
                                       const std::map<std::string, double>& durations) {
  const auto duration_of = [&](std::size_t i) {
    const auto found = durations.find(ids[i]);
    return found == durations.end() ? -1.0 : found->second;
  };
  std::vector<std::size_t> order(ids.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double da = duration_of(a);
    const double db = duration_of(b);
    if ((da < 0) != (db < 0)) return da < 0; // never timed: first
    return da > db;
  });
  return order;
}

} // namespace docnb
