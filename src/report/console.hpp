// What a person reads: a line per finished source, the failures, and the summary line.
#pragma once

#include "report/source_result.hpp"

#include <ostream>

namespace docnb {

struct ConsoleStyle {
  bool colour = false;
};

// One finished source: PASS/FAIL/ERROR with its path, then each failing example and why.
void print_source(std::ostream& out, const SourceResult& result, const ConsoleStyle& style);

// The closing lines; the very last is `docnb: N passed, N failed, N skipped`.
void print_summary(std::ostream& out, const RunTotals& totals, std::size_t sources, double seconds);

} // namespace docnb
