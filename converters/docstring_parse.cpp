// xdoctest's core.py: the examples of a docstring by its style (google, freeform, auto), and
// PaddlePaddle's code-block grouping; each example's parts come from doctest_parser.
#include "converters/docstring_parse.hpp"

#include "converters/doctest_parser.hpp"
#include "converters/google_sections.hpp"
#include "converters/python_runtime.hpp"
#include "support/python_str.hpp"
#include "support/result.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <variant>

namespace docnb::converters {

namespace py = pybind11;

namespace {

using python_str::join;
using python_str::lower;
using python_str::split;
using python_str::splitlines;
using python_str::strip;

bool is_disabled(const std::string& first_line) {
  // doctest_example.is_disabled: `>>>\s*#\s*(DISABLE|UNSTABLE|FAILING|SCRIPT|SLOW_DOCTEST)`
  std::string s = first_line;
  if (!s.starts_with(">>>")) return false;
  s = strip(s.substr(3));
  if (!s.starts_with("#")) return false;
  s = lower(strip(s.substr(1)));
  for (const char* tag : {"disable", "unstable", "failing", "script", "slow_doctest"}) {
    if (s.starts_with(tag)) return true;
  }
  return false;
}

std::vector<DocPart> parts_of(std::vector<ParsedItem>&& parsed) {
  std::vector<DocPart> parts;
  for (auto& item : parsed) {
    if (auto* part = std::get_if<DocPart>(&item)) parts.push_back(std::move(*part));
  }
  return parts;
}

// core.parse_google_docstr_examples; returns false when a block failed to parse.
bool parse_google(const std::string& text, ParsedDocstring& out) {
  int num = 0;
  for (const auto& block : split_google_blocks(text)) {
    if (!block.key.starts_with("Example") && !block.key.starts_with("Doctest")) continue;
    auto parsed = parse_doctest(block.text, block.offset + 1);
    if (!parsed) {
      out.problems.emplace_back(block.offset, parsed.error().message);
      return false;
    }
    DocExample example;
    example.num = num++;
    example.line = block.offset + 1;
    const auto body = split(block.text);
    example.disabled = !body.empty() && is_disabled(body.front());
    example.parts = parts_of(std::move(*parsed));
    out.examples.push_back(std::move(example));
  }
  return true;
}

// core.parse_freeform_docstr_examples with asone=True: every run of prompts is one example,
// except runs right after a disabling header.
void parse_freeform(const std::string& text, ParsedDocstring& out, int first_line = 0) {
  auto parsed = parse_doctest(text, first_line);
  if (!parsed) {
    out.problems.emplace_back(first_line, parsed.error().message);
    return;
  }
  static constexpr std::array<std::string_view, 7> skip_headers{
      "disabledoctest:", "disableexample:", "skipdoctest:", "ignore:",
      "script:",         "benchmark:",      "sympy:"};
  auto starts_ignoring = [](const std::vector<std::string>& text_lines) {
    const std::string last = lower(strip(join(text_lines)));
    return std::any_of(skip_headers.begin(), skip_headers.end(), [&](std::string_view h) {
      return last.size() >= h.size() && last.compare(last.size() - h.size(), h.size(), h) == 0;
    });
  };
  DocExample example;
  bool ignoring = false;
  const std::vector<std::string>* prev_text = nullptr;
  for (auto& item : *parsed) {
    if (auto* lines = std::get_if<std::vector<std::string>>(&item)) {
      ignoring = false;
      prev_text = lines;
      continue;
    }
    if (ignoring || (prev_text != nullptr && starts_ignoring(*prev_text))) {
      ignoring = true;
    } else {
      example.parts.push_back(std::get<DocPart>(std::move(item)));
    }
    prev_text = nullptr;
  }
  if (example.parts.empty()) return;
  example.num = static_cast<int>(out.examples.size());
  example.line = example.parts.front().line;
  example.disabled = is_disabled(strip(example.parts.front().orig_lines.front()));
  out.examples.push_back(std::move(example));
}

// `.. code-block:: python` (or pycon) at some indentation: the block is the lines after it
// that are blank or indented deeper.
struct CodeBlock {
  int first = 0; // 0-based docstring line of the block's first body line
  std::vector<std::string> lines;
};

std::vector<CodeBlock> prompt_code_blocks(const std::string& text) {
  const auto lines = split(text);
  std::vector<CodeBlock> blocks;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string stripped = strip(lines[i]);
    if (stripped != ".. code-block:: python" && stripped != ".. code-block:: pycon") continue;
    const size_t indent = lines[i].find_first_not_of(' ');
    CodeBlock block{static_cast<int>(i) + 1, {}};
    size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      if (!strip(lines[j]).empty() && lines[j].find_first_not_of(' ') <= indent) break;
      block.lines.push_back(lines[j]);
    }
    const bool has_prompt = std::any_of(block.lines.begin(), block.lines.end(), [](auto& line) {
      const std::string prompt = strip(line);
      return prompt == ">>>" || prompt.starts_with(">>> ");
    });
    if (has_prompt) blocks.push_back(std::move(block));
    i = j - 1;
  }
  return blocks;
}

} // namespace

std::optional<DocStyle> doc_style_from_string(std::string_view name) {
  if (name == "google") return DocStyle::google;
  if (name == "freeform") return DocStyle::freeform;
  if (name == "auto") return DocStyle::autodetect;
  return std::nullopt;
}

namespace {

ParsedDocstring parse_by_style(const std::string& text, DocStyle style) {
  ParsedDocstring out;
  if (style == DocStyle::google) {
    parse_google(text, out);
  } else if (style == DocStyle::freeform) {
    parse_freeform(text, out);
  } else {
    // A google parse that failed before finding anything falls back silently, as in
    // xdoctest's auto style.
    ParsedDocstring google;
    parse_google(text, google);
    if (!google.examples.empty()) return google;
    parse_freeform(text, out);
  }
  return out;
}

bool part_in_block(const DocPart& part, const CodeBlock& block) {
  return part.line >= block.first && part.line < block.first + static_cast<int>(block.lines.size());
}

// PaddlePaddle's convention on top of xdoctest's: every `.. code-block:: python` holding
// prompts is an example of its own. An example of the docstring's style that holds one such
// block (Paddle's usual `Examples:` section) stays as xdoctest numbers it; one that holds several
// becomes one example per block (and one for the prompts outside them); blocks outside every
// example (under another heading) are examples too. Numbers follow the source order.
ParsedDocstring split_code_blocks(ParsedDocstring parsed, const std::vector<CodeBlock>& blocks) {
  std::vector<DocExample> examples;
  std::vector<bool> used(blocks.size(), false);
  const auto block_example = [&](std::size_t b) {
    ParsedDocstring alone;
    parse_freeform(join(blocks[b].lines), alone, blocks[b].first);
    for (auto& example : alone.examples)
      examples.push_back(std::move(example));
    for (auto& problem : alone.problems)
      parsed.problems.push_back(std::move(problem));
    used[b] = true;
  };
  for (DocExample& example : parsed.examples) {
    std::vector<std::size_t> inside;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      if (std::any_of(example.parts.begin(), example.parts.end(),
                      [&](const DocPart& part) { return part_in_block(part, blocks[b]); })) {
        inside.push_back(b);
      }
    }
    if (inside.size() <= 1) {
      for (const std::size_t b : inside)
        used[b] = true;
      examples.push_back(std::move(example));
      continue;
    }
    DocExample outside = example;
    std::erase_if(outside.parts, [&](const DocPart& part) {
      return std::any_of(inside.begin(), inside.end(),
                         [&](std::size_t b) { return part_in_block(part, blocks[b]); });
    });
    if (!outside.parts.empty()) {
      outside.line = outside.parts.front().line;
      examples.push_back(std::move(outside));
    }
    for (const std::size_t b : inside)
      block_example(b);
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!used[b]) block_example(b);
  }
  std::stable_sort(examples.begin(), examples.end(),
                   [](const DocExample& a, const DocExample& b) { return a.line < b.line; });
  for (std::size_t i = 0; i < examples.size(); ++i)
    examples[i].num = static_cast<int>(i);
  parsed.examples = std::move(examples);
  return parsed;
}

} // namespace

ParsedDocstring parse_docstring(const std::string& text, DocStyle style) {
  return python::with_python([&] {
    ParsedDocstring parsed = parse_by_style(text, style);
    if (const auto blocks = prompt_code_blocks(text); !blocks.empty()) {
      return split_code_blocks(std::move(parsed), blocks);
    }
    return parsed;
  });
}

} // namespace docnb::converters
