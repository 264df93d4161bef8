#include "cli/run_listing.hpp"

#include "cli/source_warnings.hpp"
#include "converters/source.hpp"
#include "report/example_listing.hpp"

#include <iostream>

namespace docnb::cli {

int print_run_listing(const std::vector<std::filesystem::path>& sources,
                      const std::vector<Error>& problems, const RunConfig& config) {
  int code = 0;
  for (const Error& problem : problems) {
    std::cout << listing_error_json(problem.where, problem) << "\n";
    code = 2;
  }
  for (const std::filesystem::path& source : sources) {
    const Result<converters::Converted> converted = converters::read_source(source, config.convert);
    if (!converted) {
      std::cerr << "docnb: error: " << converted.error().describe() << "\n";
      std::cout << listing_error_json(source.string(), converted.error()) << "\n";
      code = 2;
      continue;
    }
    print_source_warnings(std::cerr, *converted);
    const auto selection = config.selected_examples.find(canonical_source(source));
    list_examples(std::cout, *converted, true,
                  selection == config.selected_examples.end() ? nullptr : &selection->second);
  }
  return code;
}

} // namespace docnb::cli
