// A docstring cut into its Google-style sections (xdoctest 1.1.1, docstr/docscrape_google.py:
// split_google_docblocks): `Args:`, `Example::` and the other known tags head a block that
// runs while the lines below are indented; everything else is free text.
#pragma once

#include <string>
#include <vector>

namespace docnb::converters {

struct GoogleBlock {
  std::string key;  // canonical tag ("Example" for "Examples::"), "__DOC__" for free text
  std::string text; // the block's body, dedented
  int offset = 0;   // 0-based docstring line of the block's first line (its header)
};

[[nodiscard]] std::vector<GoogleBlock> split_google_blocks(const std::string& docstring);

} // namespace docnb::converters
