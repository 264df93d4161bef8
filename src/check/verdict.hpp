// The one judgement of one example (a notebook's code cell, a page's code block, a docstring
// example): every report, the cache and --update read this value, and nothing judges again.
#pragma once

#include "notebook/source_map.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace docnb {

enum class Outcome { passed, failed, skipped };

[[nodiscard]] std::string_view to_string(Outcome outcome);

struct Verdict {
  Outcome outcome = Outcome::passed;
  std::string reason;                // why it failed or was skipped; empty when it passed
  std::vector<std::string> details;  // diffs or other text shown under a failure
  std::vector<std::string> warnings; // marker and tag conflicts met while checking
  ExampleId example;
  std::size_t cell = 0; // index into the notebook's cells array
  std::size_t line = 0; // 1-based line in the source; for .ipynb, the cell index
  bool in_text = false; // from a text source's code block: `example` names file and line
  std::string first_line; // the cell's first source line, to find it by eye
  double seconds = 0;
  // The cells of an example that spans several (the parts of a `>>>` session or docstring
  // example); empty means just `cell`. Parts skipped within an example that ran.
  std::vector<std::size_t> cells;
  std::size_t parts_skipped = 0;
  bool setup = false;  // a docstring example's namespace cell: its error fails the example
  bool hidden = false; // a page's hidden setup or cleanup code: not an example unless it fails

  [[nodiscard]] bool failed() const { return outcome == Outcome::failed; }
};

} // namespace docnb
