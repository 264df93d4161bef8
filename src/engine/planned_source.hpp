// A source's first stages: read (once), converted, its selected examples kept, and every code
// cell's doctest options decided.
#pragma once

#include "check/doctest_plan.hpp"
#include "check/requirements.hpp"
#include "converters/source.hpp"
#include "engine/run_config.hpp"
#include "support/result.hpp"

#include <filesystem>
#include <set>
#include <string>

namespace docnb {

class Cache;

// Reads `path` and converts it (a docstring module through the conversion cache). Every byte
// of a source a run uses comes from this one read.
[[nodiscard]] Result<converters::Converted> read_and_convert(const std::filesystem::path& path,
                                                             const RunConfig& config,
                                                             Cache* cache);

// The names ("Square.area:0") of a docstring module's examples, in order; empty for another
// kind of source.
[[nodiscard]] std::vector<std::string> example_names(const converters::Converted& source);

struct PlannedSource {
  converters::Converted source; // its notebook holds only the selected examples
  check::DoctestPlan plan;      // its warnings start with the converter's
};

// Keeps the examples `selected` names (all when it is null): a name that is no example of the
// source is an error. Then plans its cells.
[[nodiscard]] Result<PlannedSource>
plan_source(converters::Converted source, const std::set<std::string, std::less<>>* selected,
            const check::RequirementContext& requirements);

} // namespace docnb
