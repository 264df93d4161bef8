#include "cli/source_warnings.hpp"

#include "check/doctest_plan.hpp"

namespace docnb::cli {

void print_source_warnings(std::ostream& out, const converters::Converted& converted) {
  for (const std::string& warning : converted.warnings)
    out << "warning: " << warning << "\n";
  for (const std::string& warning : check::directive_warnings(converted.notebook))
    out << "warning: " << warning << "\n";
}

} // namespace docnb::cli
