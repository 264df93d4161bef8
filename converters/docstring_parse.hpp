// xdoctest's rules for finding examples in one docstring (xdoctest 1.1.1: core.py and
// parser.py; its Google sections are converters/google_sections.hpp): google examples, freeform
// runs, the line labelling into source, continuation and want lines, and the grouping of lines
// into parts. Statement boundaries come from CPython's `ast` through the embedded interpreter.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docnb::converters {

enum class DocStyle { google, freeform, autodetect };

[[nodiscard]] std::optional<DocStyle> doc_style_from_string(std::string_view name);

// One part: consecutive statements checked together against one want (or none).
struct DocPart {
  std::vector<std::string> exec_lines; // the code, prompts removed
  std::vector<std::string> orig_lines; // the code as written (prompts kept, block-dedented)
  std::optional<std::string> want;     // expected output; nullopt: any output is accepted
  int line = 0;                        // 0-based docstring line of orig_lines[0]
  int want_line = 0;                   // 0-based docstring line of the want's first line
  int want_line_count = 0;
  // xdoctest's compile mode: "eval" when the part has a want and ends in an expression
  // (its value is repr()'d), "single" for a `;` or a lone prompt with `...` lines, else "exec".
  std::string compile_mode = "exec";
};

struct DocExample {
  int num = 0;           // xdoctest's number of the example within its docstring
  int line = 0;          // 0-based docstring line where the example's code starts
  bool disabled = false; // first line `>>> # DISABLE_DOCTEST` (also UNSTABLE, FAILING, ...)
  std::vector<DocPart> parts;
};

struct ParsedDocstring {
  std::vector<DocExample> examples;
  // A docstring whose examples cannot be parsed: (0-based docstring line, message). As in
  // xdoctest, examples before the failing one are kept.
  std::vector<std::pair<int, std::string>> problems;
};

[[nodiscard]] ParsedDocstring parse_docstring(const std::string& text, DocStyle style);

} // namespace docnb::converters
