// One example of the JSON report (a cell, a `>>>` session, a docstring example) as an
// <article> of the HTML report: where it is, why it failed or was skipped, its code, and
// expected against got (failed) or what it produced (passed).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace docnb {

// Where a report's links to sources point.
struct SourceLinks {
  // Prepended to a source's relative path: from the report's folder to the folder the paths
  // are relative to (the run's working directory), '/'-terminated or empty.
  std::string base;
  // --html-source-url: a template with {path} and {line} (https://host/blob/SHA/{path}#L{line});
  // empty: links to the files themselves.
  std::string url_template;

  // The href of `file` at `line` (0: no line). Always escaped for an attribute.
  [[nodiscard]] std::string href(const std::string& file, std::size_t line) const;
};

// The article of example `index` (its anchor is "example-INDEX").
[[nodiscard]] std::string example_html(const nlohmann::json& example, std::size_t index,
                                       const SourceLinks& links);

// "1.25 s"
[[nodiscard]] std::string seconds_text(double seconds);

} // namespace docnb
