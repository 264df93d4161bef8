// Outputs flattened into the fields nbval compares.
//
// Each output contributes its keys, except those in the skip list: a stream contributes its
// stream name ("stdout", "stderr") with its text, display_data and execute_result contribute
// each MIME type in `data`, an error contributes `ename` and `evalue`. `metadata`,
// `traceback`, `execution_count`, `output_type`, `name` and `prompt_number` are never
// compared; image/png and image/jpeg only when asked. The values of a field keep output
// order, so two results of the same type are compared in order, while the order of unlike
// fields does not matter.
#pragma once

#include "check/sanitizer.hpp"
#include "support/result.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace docnb::check {

using Json = nlohmann::json;

struct FieldOptions {
  bool check_images = false;
  // More keys never compared, like nbval's `skip_compare` extension point (e.g. "stderr",
  // "text/html").
  std::vector<std::string> skip_keys;
};

struct OutputFields {
  std::vector<std::string> order;                  // keys in first-seen order
  std::map<std::string, std::vector<Json>> values; // key -> values, sanitized
};

// Flattens already-coalesced `outputs`; every string value passes through `sanitizer`.
[[nodiscard]] Result<OutputFields> flatten_outputs(Json outputs, const Sanitizer& sanitizer,
                                                   const FieldOptions& options);

} // namespace docnb::check
