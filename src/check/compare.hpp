// One cell's stored outputs against its new outputs, by nbval's `--nbval` rules.
#pragma once

#include "check/diff.hpp"
#include "check/float_tolerance.hpp"
#include "check/output_fields.hpp"
#include "check/sanitizer.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace docnb::check {

using Json = nlohmann::json;

struct CompareOptions {
  FieldOptions fields;                           // images, extra skipped keys
  Sanitizer sanitizer;                           // applied to both sides
  std::optional<FloatTolerance> float_tolerance; // off unless asked for
  DiffStyle diff_style;
};

// What differs in one field ("stdout", "text/plain", "ename", ...).
struct KeyDiff {
  std::string key;
  std::string message; // nbval's words: "mismatch 'text/plain'", ...
  std::string diff;    // unified diff, stored '-' against got '+'
};

struct Comparison {
  bool same = true;
  std::string reason; // empty when same; otherwise every problem, "; "-separated
  std::vector<KeyDiff> diffs;
};

// Each difference as a report shows it: its message, then its diff.
[[nodiscard]] std::vector<std::string> details_of(const std::vector<KeyDiff>& diffs);

// Compares `got` (final outputs of this run) with `stored` (the reference cell's outputs).
// Streams are coalesced on both sides first. Unlike nbval, which stops at the first
// difference, every differing field is reported.
[[nodiscard]] Comparison compare_outputs(const Json& stored, const Json& got,
                                         const CompareOptions& options);

} // namespace docnb::check
