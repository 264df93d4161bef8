#include "check/compare.hpp"

#include "check/base64_trim.hpp"
#include "check/streams.hpp"

#include <algorithm>

namespace docnb::check {

namespace {

// Python's repr of a set of str, sorted so that messages are stable (Python's set order is
// not): {'stdout', 'text/plain'}.
std::string python_set(const std::vector<std::string>& keys) {
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  std::string out = "{";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    out += (i != 0u ? ", '" : "'") + sorted[i] + "'";
  }
  return out + "}";
}

std::string render(const Json& value) {
  if (value.is_string()) {
    return trim_base64(value.get<std::string>());
  }
  return value.dump(1) + "\n";
}

std::string render_all(const std::vector<Json>& values) {
  std::string out;
  for (const Json& value : values) {
    // Each value starts on its own line, so adjacent values never blur into one line.
    if (!out.empty() && out.back() != '\n') {
      out += '\n';
    }
    out += render(value);
  }
  return out;
}

bool values_match(const Json& want, const Json& got, const CompareOptions& options) {
  if (want == got) {
    return true;
  }
  return options.float_tolerance && want.is_string() && got.is_string() &&
         matches_with_tolerance(want.get<std::string>(), got.get<std::string>(),
                                *options.float_tolerance);
}

std::vector<std::string> keys_missing_from(const OutputFields& from, const OutputFields& in) {
  std::vector<std::string> missing;
  for (const std::string& key : in.order) {
    if (!from.values.contains(key)) {
      missing.push_back(key);
    }
  }
  return missing;
}

} // namespace

Comparison compare_outputs(const Json& stored, const Json& got, const CompareOptions& options) {
  Comparison result;
  auto fail = [&](const std::string& problem) {
    result.same = false;
    result.reason += (result.reason.empty() ? "" : "; ") + problem;
  };
  const Result<OutputFields> want =
      flatten_outputs(coalesce_streams(stored), options.sanitizer, options.fields);
  const Result<OutputFields> have =
      flatten_outputs(coalesce_streams(got), options.sanitizer, options.fields);
  if (!want || !have) {
    fail("sanitizing failed: " + (!want ? want.error() : have.error()).describe());
    return result;
  }
  const auto no_values = std::vector<Json>{};
  auto values_of = [&](const OutputFields& fields,
                       const std::string& key) -> const std::vector<Json>& {
    auto it = fields.values.find(key);
    return it == fields.values.end() ? no_values : it->second;
  };

  const std::vector<std::string> missing = keys_missing_from(*have, *want);
  const std::vector<std::string> unexpected = keys_missing_from(*want, *have);
  if (!missing.empty()) {
    fail("Missing output fields from running code: " + python_set(missing));
  }
  if (!unexpected.empty()) {
    fail("Unexpected output fields from running code: " + python_set(unexpected));
  }

  // Stored keys first, in their order, then keys only the new run produced.
  std::vector<std::string> keys = want->order;
  keys.insert(keys.end(), unexpected.begin(), unexpected.end());
  for (const std::string& key : keys) {
    const std::vector<Json>& a = values_of(*want, key);
    const std::vector<Json>& b = values_of(*have, key);
    std::string message;
    if (a.empty()) {
      message = "unexpected '" + key + "'";
    } else if (b.empty()) {
      message = "missing '" + key + "'";
    } else if (a.size() != b.size()) {
      message = "dissimilar number of outputs for key '" + key + "'";
      fail(message);
    } else {
      bool same = true;
      for (std::size_t i = 0; i < a.size() && same; ++i) {
        same = values_match(a[i], b[i], options);
      }
      if (same) {
        continue;
      }
      message = "mismatch '" + key + "'";
      fail(message);
    }
    result.diffs.push_back(
        {key, message, unified_diff(render_all(a), render_all(b), options.diff_style)});
  }
  return result;
}

std::vector<std::string> details_of(const std::vector<KeyDiff>& diffs) {
  std::vector<std::string> details;
  for (const KeyDiff& diff : diffs)
    details.push_back(diff.message + (diff.diff.empty() ? "" : "\n" + diff.diff));
  return details;
}

} // namespace docnb::check
