#include "converters/markdown.hpp"

#include "converters/markdown_markers.hpp"
#include "converters/myst_doctest.hpp"
#include "converters/pycon.hpp"
#include "converters/skip_markers.hpp"
#include "converters/text_source.hpp"
#include "support/python_str.hpp"

#include <algorithm>
#include <cctype>
#include <cmark.h>
#include <memory>

namespace docnb::converters {
namespace {

using python_str::lower;

struct Block {
  bool code = false;   // a code block; otherwise an HTML block
  bool fenced = false; // a fenced code block (not an indented one)
  bool closed = true;
  int start = 0; // lines of the whole block, fences included
  int end = 0;
  std::string info;
  std::string literal;
};

int count_lines(const std::string& literal) {
  return static_cast<int>(std::count(literal.begin(), literal.end(), '\n')) +
         (literal.empty() || literal.back() == '\n' ? 0 : 1);
}

std::vector<std::string> literal_lines(const std::string& literal) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < literal.size()) {
    const std::size_t end = std::min(literal.find('\n', start), literal.size());
    lines.emplace_back(literal.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string line_at(const std::vector<std::string>& lines, int n) {
  return n >= 1 && n <= static_cast<int>(lines.size()) ? lines[static_cast<std::size_t>(n - 1)]
                                                       : std::string();
}

// Whether the fence opened on line `start` is closed by line `end`: cmark 0.30 does not say,
// so the closing line is looked at (container markers `>` and indentation set aside).
bool fence_is_closed(const std::vector<std::string>& lines, int start, int end) {
  if (end <= start) return false;
  const std::string opening = line_at(lines, start);
  const std::size_t at = opening.find_first_of("`~");
  if (at == std::string::npos) return false;
  const char fence = opening[at];
  const std::size_t length = opening.find_first_not_of(fence, at) == std::string::npos
                                 ? opening.size() - at
                                 : opening.find_first_not_of(fence, at) - at;
  const std::string closing = line_at(lines, end);
  const std::size_t first = closing.find_first_not_of(" \t>");
  if (first == std::string::npos) return false;
  const std::string_view mark = trim(std::string_view(closing).substr(first));
  return mark.size() >= length && mark.find_first_not_of(fence) == std::string_view::npos;
}

// Whether the code block that cmark places at (line, column) is fenced: cmark 0.30 does not
// say, and the lines it reports are no guide (an indented block's run over the blank lines
// after it). A fenced block starts at its fence, which is not the literal's first line; an
// indented block (an indented paragraph of a footnote, which CommonMark does not know) starts
// at its first line, whatever that holds.
bool is_fenced(const std::vector<std::string>& lines, int line, int column,
               std::string_view literal) {
  const std::string opening = line_at(lines, line);
  if (column < 1 || static_cast<std::size_t>(column) > opening.size()) return false;
  const std::string_view rest =
      std::string_view(opening).substr(static_cast<std::size_t>(column - 1));
  const std::string_view fence = rest.substr(std::min(rest.find_first_not_of(' '), rest.size()));
  if (fence.substr(0, 3) != "```" && fence.substr(0, 3) != "~~~") return false;
  return literal.substr(0, rest.size()) != rest;
}

std::vector<Block> blocks_of(const SourceText& source) {
  std::vector<Block> blocks;
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(
      cmark_parse_document(source.text.data(), source.text.size(), CMARK_OPT_SOURCEPOS),
      &cmark_node_free);
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> walk(cmark_iter_new(document.get()),
                                                               &cmark_iter_free);
  cmark_event_type event = CMARK_EVENT_NONE;
  while ((event = cmark_iter_next(walk.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(walk.get());
    if (event != CMARK_EVENT_ENTER) continue;
    const cmark_node_type type = cmark_node_get_type(node);
    if (type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_HTML_BLOCK) continue;
    Block block;
    block.code = type == CMARK_NODE_CODE_BLOCK;
    const char* literal = cmark_node_get_literal(node);
    block.literal = literal != nullptr ? literal : "";
    block.start = cmark_node_get_start_line(node);
    if (block.code) {
      const char* info = cmark_node_get_fence_info(node);
      block.info = info != nullptr ? info : "";
      block.end = cmark_node_get_end_line(node);
      block.fenced =
          is_fenced(source.lines, block.start, cmark_node_get_start_column(node), block.literal);
      block.closed = !block.fenced || fence_is_closed(source.lines, block.start, block.end);
    } else {
      // cmark 0.30 may report no end line for an HTML block; its literal has every line.
      block.end = block.start + std::max(count_lines(block.literal), 1) - 1;
    }
    blocks.push_back(std::move(block));
  }
  return blocks;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(text.find_first_of(" \t", start), text.size());
    words.emplace_back(text.substr(start, end - start));
    at = end;
  }
  return words;
}

// pycon: a `>>>` session (pycon and doctest fences, python fences that start with `>>> `);
// doctest_directive: MyST's Sphinx doctest directives (converters/myst_doctest.hpp).
enum class Language { none, python, pycon, code_cell, doctest_directive };

bool starts_a_session(const std::string& literal) {
  for (const std::string& line : literal_lines(literal)) {
    if (!is_blank(line)) return trim(line).substr(0, 4) == ">>> ";
  }
  return false;
}

Language language_of(const Block& block) {
  if (!block.fenced) return Language::none;
  const std::vector<std::string> words = words_of(block.info);
  if (words.empty()) return Language::none;
  const std::string first = lower(words[0]);
  if (first == "python" || first == "py" || first == "python3" || first == "ipython3" ||
      first == "ipython") {
    // phmdoctest's reading: a python fence that starts with a prompt is a session.
    return starts_a_session(block.literal) ? Language::pycon : Language::python;
  }
  if (first == "pycon" || first == "doctest") return Language::pycon;
  // Directive names are case-sensitive, as myst-parser reads them.
  const std::string_view name = words[0];
  if (name.size() > 2 && name.front() == '{' && name.back() == '}' &&
      is_doctest_directive(name.substr(1, name.size() - 2))) {
    return Language::doctest_directive;
  }
  if (first == "{code-cell}") {
    if (words.size() < 2) return Language::code_cell;
    const std::string kernel = lower(words[1]);
    if (kernel == "python" || kernel == "python3" || kernel == "ipython3" || kernel == "ipython")
      return Language::code_cell;
  }
  return Language::none;
}

bool has_notest(const Block& block) {
  const std::vector<std::string> words = words_of(block.info);
  return std::find(words.begin() + (words.empty() ? 0 : 1), words.end(), "notest") != words.end();
}

class MarkdownReader {
public:
  MarkdownReader(const SourceText& source, std::string path, const MarkdownRules& rules)
      : source_(source), path_(std::move(path)), sessions_(rules.sessions), cells_(path_),
        doctest_(cells_, warnings_, rules.directives) {}

  Converted read() {
    const std::vector<Block> blocks = blocks_of(source_);
    const int front_matter_end = front_matter_last_line();
    next_text_line_ = front_matter_end + 1;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      if (block.end <= front_matter_end) continue;
      if (!block.code) {
        read_comment(block);
        continue;
      }
      if (block.fenced && !block.closed) {
        warn(block.start, "code fence is not closed; it runs to the end of its container");
      }
      const Language language = language_of(block);
      if (language == Language::none) continue;
      const Block* want = nullptr;
      if (i + 1 < blocks.size() && is_want_for(block, language, blocks[i + 1])) {
        if (language == Language::pycon) {
          // A session's expected output is in its own lines; the fence stays on the page.
          warn(blocks[i + 1].start, "an output fence after a >>> session is not checked: the "
                                    "session's own lines are its expected output");
        } else {
          want = &blocks[++i];
        }
      }
      read_code(block, language, want);
    }
    if (auto dangling = skips_.dangling(path_)) warnings_.push_back(std::move(*dangling));
    flush_text(static_cast<int>(source_.lines.size()) + 1);
    Converted converted;
    converted.kind = SourceKind::markdown;
    converted.notebook = make_notebook(path_, spread_groups(cells_.take()));
    if (front_matter_end > 0) {
      // MyST / jupytext front matter is the page's metadata, not prose: kept, as written.
      NotebookSource source;
      source.front_matter = join_lines(source_.lines, 2, front_matter_end - 1);
      set_notebook_source(converted.notebook, source);
    }
    converted.original = source_.text;
    converted.warnings = std::move(warnings_);
    return converted;
  }

private:
  // The last line of a YAML front matter block (`---` on the first line, closed by `---` or
  // `...`), or 0 when the page has none.
  int front_matter_last_line() const {
    const auto& lines = source_.lines;
    if (lines.empty() || rtrim_copy(lines[0]) != "---") return 0;
    for (std::size_t k = 1; k < lines.size(); ++k) {
      const std::string line = rtrim_copy(lines[k]);
      if (line == "---" || line == "...") return static_cast<int>(k) + 1;
    }
    return 0;
  }

  static std::string rtrim_copy(const std::string& text) { return std::string(trim(text)); }

  void warn(int line, const std::string& message) {
    warnings_.push_back(path_ + ":" + std::to_string(line) + ": " + message);
  }

  // Markdown from the last consumed line up to (not including) `line`.
  void flush_text(int line) {
    if (auto text = trimmed_block(source_.lines, next_text_line_, line - 1)) {
      cells_.add_markdown(std::move(*text));
    }
  }

  void consume(int first, int last) {
    flush_text(first);
    next_text_line_ = std::max(next_text_line_, last + 1);
  }

  bool is_want_for(const Block& code, Language language, const Block& next) const {
    if (!next.code || !next.fenced || language == Language::doctest_directive) return false;
    for (int line = code.end + 1; line < next.start; ++line) {
      if (!is_blank(line_at(source_.lines, line))) return false;
    }
    const std::vector<std::string> words = words_of(next.info);
    if (!words.empty()) return lower(words[0]) == "output";
    return language == Language::python;
  }

  void read_comment(const Block& block) {
    const MarkerSeen seen = marker_of(block.literal);
    // Markers are for docnb, not for readers: they do not become markdown cells.
    if (seen.marker != Marker::none && seen.marker != Marker::invisible_code) {
      consume(block.start, block.end);
    }
    skips_.note(seen, block.start);
    switch (seen.marker) {
    case Marker::skip_next:
    case Marker::skip_start:
    case Marker::skip_end:
      break;
    case Marker::invisible_code:
      read_invisible_code(block);
      break;
    case Marker::none:
      if (auto typo = misspelt_marker(seen, path_, block.start)) warnings_.push_back(*typo);
      break;
    case Marker::other_known:
      break;
    }
  }

  // <!-- invisible-code-block: python, code lines, then a line that ends with -->.
  void read_invisible_code(const Block& block) {
    std::vector<std::string> lines = literal_lines(block.literal);
    int last = block.start + static_cast<int>(lines.size()) - 1;
    std::string closing = lines.empty() ? std::string() : lines.back();
    const std::size_t end_mark = closing.rfind("-->");
    std::vector<std::string> code(lines.begin() + (lines.empty() ? 0 : 1), lines.end());
    if (!code.empty()) {
      if (end_mark != std::string::npos && is_blank(closing.substr(0, end_mark))) {
        code.pop_back();
        --last;
      } else if (end_mark != std::string::npos) {
        code.back() = closing.substr(0, end_mark);
      }
    }
    consume(block.start, block.end);
    if (code.empty()) return;
    SourceMap map;
    map.line = block.start + 1;
    map.last_line = last;
    map.role = CellRole::setup;
    std::string source;
    for (std::size_t i = 0; i < code.size(); ++i)
      source += (i != 0 ? "\n" : "") + code[i];
    add_code(std::move(source), map, Json::object());
  }

  void add_code(std::string source, SourceMap map, Json metadata) {
    cells_.add_code(std::move(source), map, std::move(metadata));
  }

  std::optional<std::string> take_skip(const Block& block) {
    std::optional<std::string> skip = skips_.take();
    if (!skip && has_notest(block)) skip = "notest";
    return skip;
  }

  void read_code(const Block& block, Language language, const Block* want) {
    consume(block.start, want != nullptr ? want->end : block.end);
    const std::optional<std::string> skip = take_skip(block);
    std::vector<std::string> lines = literal_lines(block.literal);
    const int first_line = block.start + 1;
    if (language == Language::pycon) {
      SourceMap base;
      if (sessions_) stamp_rules(base, *sessions_);
      base.skip = skip;
      for (const int stray : add_session_cells(lines, first_line, base, Json::object(), cells_,
                                               one_statement_each(sessions_))) {
        warn(stray, "text outside a >>> example in a session is not checked");
      }
      return;
    }
    const std::optional<MystDirective> directive = myst_directive(block.info, lines);
    if (language == Language::doctest_directive && directive) {
      doctest_.read(*directive, lines, first_line, skip);
      return;
    }
    int offset = 0;
    Json metadata = Json::object();
    if (language == Language::code_cell) {
      offset = directive->content_offset;
      if (Json tags = myst_tags(*directive); !tags.empty()) metadata["tags"] = std::move(tags);
    }
    const auto [first, count] = content_range(lines, offset);
    if (count <= first) return; // an empty fence has nothing to run
    SourceMap map;
    map.line = first_line + first;
    map.last_line = first_line + count - 1;
    map.skip = skip;
    if (want != nullptr) {
      map.want = want->literal;
      map.want_line = want->start + 1;
      map.want_last_line = want->start + count_lines(want->literal);
    }
    add_code(join_lines(lines, first + 1, count), map, std::move(metadata));
  }

  const SourceText& source_;
  std::string path_;
  std::optional<PageRules> sessions_;
  CellList cells_;
  std::vector<std::string> warnings_;
  DoctestDirectives doctest_;
  int next_text_line_ = 1;
  SkipMarkers skips_;
};

} // namespace

Result<Converted> read_markdown(std::string_view bytes, const std::string& path,
                                const MarkdownRules& rules) {
  return read_with<MarkdownReader>(bytes, path, rules);
}

} // namespace docnb::converters
