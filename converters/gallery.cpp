#include "converters/gallery.hpp"

#include "converters/percent.hpp"
#include "converters/text_source.hpp"
#include "support/nearest_name.hpp"

#include <algorithm>

namespace docnb::converters {
namespace {

bool is_separator(std::string_view line) {
  if (line.substr(0, 4) == "# %%" || line.substr(0, 3) == "#%%") return true;
  const std::size_t hashes = std::min(line.find_first_not_of('#'), line.size());
  return hashes >= 20 && is_blank(line.substr(hashes));
}

bool is_comment(std::string_view line) {
  return !line.empty() && line.front() == '#';
}

// The module docstring: where its text starts and ends, or nothing. Leading comments (a
// shebang, a coding line, a licence) and blank lines may come before it.
struct Docstring {
  int first = 0; // lines of the whole string literal
  int last = 0;
  std::string text;
};

std::optional<Docstring> module_docstring(const std::vector<std::string>& lines) {
  int n = 1;
  const int count = static_cast<int>(lines.size());
  while (n <= count && (is_blank(lines[static_cast<std::size_t>(n - 1)]) ||
                        is_comment(lines[static_cast<std::size_t>(n - 1)]))) {
    ++n;
  }
  if (n > count) return std::nullopt;
  std::string_view line = lines[static_cast<std::size_t>(n - 1)];
  std::size_t at = 0;
  while (at < line.size() &&
         (line[at] == 'r' || line[at] == 'R' || line[at] == 'u' || line[at] == 'U')) {
    ++at;
  }
  const std::string_view quotes = line.substr(at, 3);
  if (quotes != "\"\"\"" && quotes != "'''") return std::nullopt;
  Docstring docstring;
  docstring.first = n;
  std::vector<std::string> text;
  std::string_view rest = line.substr(at + 3);
  for (int k = n; k <= count; ++k) {
    if (k != n) rest = lines[static_cast<std::size_t>(k - 1)];
    const std::size_t close = rest.find(quotes);
    if (close != std::string_view::npos) {
      text.emplace_back(rest.substr(0, close));
      docstring.last = k;
      break;
    }
    text.emplace_back(rest);
  }
  if (docstring.last == 0) return std::nullopt; // unterminated: leave it to Python to report
  // Docstrings are indented like code; drop the common indentation of the later lines.
  int indent = 1 << 20;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!is_blank(text[i])) indent = std::min(indent, indentation(text[i]));
  }
  for (std::size_t i = 1; i < text.size(); ++i)
    text[i] = dedent(text[i], indent);
  const std::string trimmed = trimmed_block(text, 1, static_cast<int>(text.size())).value_or("");
  docstring.text = trimmed;
  return docstring;
}

// A docstring at the top becomes a Markdown cell; each separator line starts a Markdown
// cell of the comment lines after it, and the code up to the next separator follows it.
void gallery_cells(const std::vector<std::string>& lines, CellList& cells,
                   std::vector<std::string>& /*warnings*/) {
  const int count = static_cast<int>(lines.size());
  int n = 1;
  if (const auto docstring = module_docstring(lines)) {
    if (!docstring->text.empty()) cells.add_markdown(docstring->text);
    n = docstring->last + 1;
  }
  int code_first = n;
  const auto add_code = [&](int first, int last) {
    if (const auto range = non_blank_range(lines, first, last)) cells.add_code_lines(lines, *range);
  };
  while (n <= count) {
    if (!is_separator(lines[static_cast<std::size_t>(n - 1)])) {
      ++n;
      continue;
    }
    add_code(code_first, n - 1);
    int last = n;
    while (last + 1 <= count && is_comment(lines[static_cast<std::size_t>(last)]) &&
           !is_separator(lines[static_cast<std::size_t>(last)])) {
      ++last;
    }
    std::vector<std::string> text;
    for (int k = n + 1; k <= last; ++k)
      text.push_back(uncomment(lines[static_cast<std::size_t>(k - 1)]));
    if (auto block = trimmed_block(text, 1, static_cast<int>(text.size()))) {
      cells.add_markdown(std::move(*block));
    }
    n = last + 1;
    code_first = n;
  }
  add_code(code_first, count);
}

} // namespace

Result<Converted> read_gallery(std::string_view bytes, const std::string& path) {
  return read_script(SourceKind::gallery, bytes, path, gallery_cells);
}

} // namespace docnb::converters
