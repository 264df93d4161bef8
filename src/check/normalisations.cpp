#include "check/normalisations.hpp"

#include <sstream>

namespace docnb::check {

std::vector<std::string> doctest_normalisations(const DoctestOptions& options) {
  std::vector<std::string> names;
  const std::pair<bool, const char*> flags[] = {
      {options.ignore_want, "IGNORE_WANT"},
      {options.ellipsis, "ELLIPSIS"},
      {options.normalize_whitespace, "NORMALIZE_WHITESPACE"},
      {options.ignore_whitespace, "IGNORE_WHITESPACE"},
      {options.normalize_repr, "NORMALIZE_REPR"},
      {options.ignore_exception_detail, "IGNORE_EXCEPTION_DETAIL"},
      {options.float_cmp, "FLOAT_CMP"},
      {options.dont_accept_blankline, "DONT_ACCEPT_BLANKLINE"},
  };
  for (const auto& [on, name] : flags)
    if (on) names.emplace_back(name);
  return names;
}

std::vector<std::string> output_normalisations(const CompareOptions& options,
                                               const CellPolicy& policy) {
  if (!policy.compare_outputs) return {"outputs not compared"};
  std::vector<std::string> names{"streams merged"};
  if (!options.sanitizer.empty()) {
    names.push_back("sanitized by " + std::to_string(options.sanitizer.size()) +
                    (options.sanitizer.size() == 1 ? " rule" : " rules"));
  }
  if (options.float_tolerance) {
    std::ostringstream tolerance;
    tolerance << "float tolerance rtol=" << options.float_tolerance->rtol
              << " atol=" << options.float_tolerance->atol;
    names.push_back(tolerance.str());
  }
  if (!options.fields.check_images) names.emplace_back("images not compared");
  for (const std::string& key : options.fields.skip_keys)
    names.push_back(key + " not compared");
  if (policy.raises_exception) names.emplace_back("an error is expected");
  return names;
}

} // namespace docnb::check
