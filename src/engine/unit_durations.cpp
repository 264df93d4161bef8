#include "engine/unit_durations.hpp"

#include "check/cell_skips.hpp"
#include "engine/schedule.hpp"
#include "support/sha256.hpp"

#include <algorithm>
#include <numeric>

namespace docnb {

std::string unit_duration_key(const std::string& source_id, const Notebook& reference,
                              const ExecutionUnit& unit) {
  std::string code;
  std::string example;
  for (const std::size_t index : unit) {
    const Json& cell = reference.cells().at(index);
    if (example.empty()) example = check::example_of(cell).local_name();
    code += cell.value("source", "");
    code += '\0';
  }
  return source_id + "::" + example + "@" + sha256_hex(code).substr(0, 16);
}

UnitSchedule schedule_units(const std::vector<ExecutionUnit>& units,
                            const std::vector<std::string>& keys,
                            const std::map<std::string, double>& durations) {
  UnitSchedule schedule;
  bool any_recorded = false;
  for (std::size_t k = 0; k < units.size(); ++k) {
    const auto found = durations.find(keys.at(k));
    any_recorded = any_recorded || found != durations.end();
    schedule.estimates.push_back(
        found != durations.end() ? found->second
                                 : unrecorded_cell_seconds * static_cast<double>(units[k].size()));
  }
  if (any_recorded) {
    schedule.order = longest_first(keys, durations);
  } else {
    schedule.order.resize(units.size());
    std::iota(schedule.order.begin(), schedule.order.end(), 0);
  }
  return schedule;
}

} // namespace docnb
