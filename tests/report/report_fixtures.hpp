// Verdicts as the reports receive them, for the tests of the report writers.
#pragma once

#include "check/verdict.hpp"
#include "notebook/source_map.hpp"

#include <string>

namespace docnb::testing {

// The verdict of code cell `cell` of the notebook at `path`, its line the cell's index.
inline Verdict cell_verdict(const std::string& path, std::size_t cell, Outcome outcome,
                            std::string reason, double seconds) {
  Verdict v;
  v.cell = cell;
  v.outcome = outcome;
  v.reason = std::move(reason);
  v.example = ExampleId::cell(path, cell);
  v.line = cell;
  v.seconds = seconds;
  return v;
}

} // namespace docnb::testing
