// How docstring examples are found and run: the keys named as xdoctest's configuration.
#pragma once

#include "converters/docstring_parse.hpp"

#include <string>
#include <vector>

namespace docnb::converters {

// Configuration named as xdoctest's (`--style`, `--global-exec`, `--options`, `--analysis`)
// plus the attach calls.
struct DocstringOptions {
  // xdoctest's --analysis: `automatic` reads sources statically and imports compiled extension
  // modules to read what they define (its dynamic analysis); `static_only` leaves those out.
  enum class Analysis { static_only, automatic };
  DocStyle style = DocStyle::autodetect;
  Analysis analysis = Analysis::automatic;
  std::vector<std::string> attach_calls{"add_docstr", "_add_docstr", "add_docstr_all",
                                        "add_sample_code"};
  std::string global_exec;          // run in every example's namespace before it
  std::string options;              // directives for every example, e.g. "+IGNORE_WHITESPACE"
  std::vector<std::string> exclude; // fnmatch globs on dotted module names
};

} // namespace docnb::converters
