// The recorded durations of a docstring module's examples, and the order they start in.
//
// Each example's duration is recorded (in the cache's durations, beside the sources') under a
// key holding a digest of its cells' code, so an example that changed simply has none. They
// order a module's examples longest first, so that its slowest example does not start last and
// leave the other workers idle at the end; they also tell a worker whether helping with a
// module is worth a kernel of its own.
#pragma once

#include "engine/execute_units.hpp"
#include "notebook/notebook.hpp"

#include <map>
#include <string>
#include <vector>

namespace docnb {

// The key of a unit's (an example's) duration: "<source id>::<example>@<digest of its code>".
[[nodiscard]] std::string unit_duration_key(const std::string& source_id, const Notebook& reference,
                                            const ExecutionUnit& unit);

// The seconds an example is expected to take when none is recorded, per cell: with the default
// --split-min, a module of about 25 cells left is worth helping with, and one of a few small
// examples stays on its one kernel (a small example takes a few milliseconds) unless they wait
// behind a slow one (SharedUnits::expected_seconds).
inline constexpr double unrecorded_cell_seconds = 0.02;

struct UnitSchedule {
  std::vector<std::size_t> order; // indices into the units, in the order to start them
  std::vector<double> estimates;  // each unit's expected seconds
};

// With no recorded duration for any unit, the notebook's order; else longest first (those
// never timed first, in the notebook's order), as engine/schedule.hpp orders sources.
[[nodiscard]] UnitSchedule schedule_units(const std::vector<ExecutionUnit>& units,
                                          const std::vector<std::string>& keys,
                                          const std::map<std::string, double>& durations);

} // namespace docnb
