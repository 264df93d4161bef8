// xdoctest's parser.py (DoctestParser): a docstring's text to its parts, line by line.
#include "converters/doctest_parser.hpp"

#include "converters/python_runtime.hpp"
#include "support/python_str.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace docnb::converters {

namespace py = pybind11;

namespace {

using docnb::is_space;
using python_str::join;
using python_str::lower;
using python_str::split;
using python_str::splitlines;
using python_str::strip;

std::string tail(const std::string& s, size_t from) {
  return from < s.size() ? s.substr(from) : "";
}
std::string head(const std::string& s, size_t n) {
  return s.substr(0, std::min(n, s.size()));
}

// Number of spaces before the first non-space character; 0 for a blank line (INDENT_RE).
size_t indent_of(const std::string& line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ')
    ++n;
  return n < line.size() && !is_space(line[n]) ? n : 0;
}

std::string expand_tabs(const std::string& line) {
  std::string out;
  for (char c : line) {
    if (c == '\t') {
      out.append(8 - out.size() % 8, ' ');
    } else {
      out += c;
    }
  }
  return out;
}

bool has_prefix(const std::string& line, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) {
    return line == p ||
           (line.size() > p.size() && line.compare(0, p.size(), p) == 0 && line[p.size()] == ' ');
  });
}

// ---- line labelling (parser.py: _label_docsrc_lines, _complete_source) ----

enum class Label { none, text, dsrc, dcnt, want };

struct Labeled {
  Label label = Label::none;
  std::string line;
};

bool balanced(const std::vector<std::string>& parts) {
  return python::helpers().attr("is_balanced")(py::cast(parts)).cast<bool>();
}

Result<std::vector<Labeled>> label_lines(const std::vector<std::string>& lines) {
  std::vector<Labeled> labeled;
  size_t state_indent = 0;
  Label prev = Label::text;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const size_t line_indent = indent_of(line);
    const std::string norm = tail(line, state_indent);
    const std::string stripped = strip(line);
    Label curr = Label::text;
    if (prev == Label::text) {
      curr = has_prefix(stripped, {">>>"}) ? Label::dsrc : Label::text;
    } else if (prev == Label::want) {
      if (stripped.empty()) {
        curr = Label::text;
      } else if (has_prefix(stripped, {">>>"})) {
        curr = Label::dsrc;
      } else if (line_indent < state_indent) {
        curr = Label::text;
      } else {
        curr = Label::want;
      }
    } else {
      if (stripped.empty() || line_indent < state_indent) {
        curr = Label::text;
      } else if (has_prefix(norm, {">>>", "..."})) {
        if (stripped == "...") {
          curr = prev == Label::dcnt ? Label::dcnt : Label::want; // a lone `...` is a want
        } else if (has_prefix(norm, {"..."})) {
          curr = Label::dcnt;
        } else {
          curr = Label::dsrc;
        }
      } else {
        curr = Label::want;
      }
    }
    if (prev != curr) {
      if (curr == Label::text) state_indent = 0;
      if (curr == Label::dsrc || curr == Label::dcnt) state_indent = line_indent;
    }
    if (curr == Label::dsrc || curr == Label::dcnt) {
      // Take lines until brackets and triple quotes are closed (tokenize decides).
      std::string norm_line = tail(line, state_indent);
      if (has_prefix(norm_line, {"..."})) curr = Label::dcnt;
      labeled.push_back({curr, line});
      std::vector<std::string> parts{tail(norm_line, 4)};
      while (!balanced(parts)) {
        if (++i >= lines.size()) {
          return Error{"ill-formed doctest: all parts have been processed but the doctest "
                       "source is not balanced",
                       ""};
        }
        std::string next = lines[i];
        norm_line = tail(next, state_indent);
        std::string suffix = tail(norm_line, 4);
        const std::string prefix = strip(head(norm_line, 4));
        if (prefix != ">>>" && prefix != "..." && !prefix.empty()) {
          const bool in_triple_quote = std::any_of(parts.begin(), parts.end(), [](auto& s) {
            return s.find("'''") != std::string::npos || s.find("\"\"\"") != std::string::npos;
          });
          if (!in_triple_quote) {
            return Error{"Bad indentation in doctest on line " + std::to_string(i) + ": " + next,
                         ""};
          }
          // xdoctest reads an unprefixed line inside a triple quote as a continuation.
          next = head(next, state_indent) + "... " + norm_line;
          norm_line = "... " + norm_line;
          suffix = norm_line;
        }
        parts.push_back(suffix);
        if (has_prefix(norm_line, {"..."})) curr = Label::dcnt;
        labeled.push_back({curr, next});
      }
    } else {
      labeled.push_back({curr, line});
    }
    prev = curr;
  }
  return labeled;
}

// ---- grouping (parser.py: _group_labeled_lines) ----

template <class T, class F> void iter_three(const std::vector<T>& items, const T& pad, F&& fn) {
  for (size_t i = 0; i < items.size(); ++i) {
    fn(i == 0 ? pad : items[i - 1], items[i], i + 1 < items.size() ? items[i + 1] : pad);
  }
}

struct Group {
  Label label = Label::none;
  std::vector<std::string> lines;
};

// A chunk is text, or source lines with their (possibly empty) want lines.
struct Chunk {
  bool is_text = false;
  std::vector<std::string> source; // or the text lines
  std::vector<std::string> want;
};

std::vector<Chunk> group_lines(const std::vector<Labeled>& labeled) {
  std::vector<Group> groups;
  Group current;
  bool started = false;
  iter_three(labeled, Labeled{}, [&](const Labeled& l, const Labeled& m, const Labeled& r) {
    if (l.label != m.label || (m.label == Label::dsrc && r.label == Label::dcnt)) {
      if (!(l.label == Label::dsrc && m.label == Label::dcnt)) {
        if (started) groups.push_back(current);
        started = true;
        current = Group{m.label, {}};
      }
    }
    current.lines.push_back(m.line);
  });
  if (!current.lines.empty()) groups.push_back(current);

  std::vector<Group> merged;
  Group acc;
  bool have = false;
  iter_three(groups, Group{}, [&](const Group& l, const Group& m, const Group& r) {
    if (l.label == m.label && r.label != Label::want) {
      acc.lines.insert(acc.lines.end(), m.lines.begin(), m.lines.end());
    } else {
      if (have) merged.push_back(Group{l.label, acc.lines});
      have = true;
      acc = m;
    }
  });
  if (!acc.lines.empty()) merged.push_back(acc);

  std::vector<Chunk> chunks;
  std::optional<std::vector<std::string>> prev_source;
  for (const auto& group : merged) {
    if (group.label == Label::text) {
      if (prev_source) chunks.push_back(Chunk{false, *prev_source, {}});
      prev_source.reset();
      chunks.push_back(Chunk{true, group.lines, {}});
    } else if (group.label == Label::want) {
      if (prev_source) chunks.push_back(Chunk{false, *prev_source, group.lines});
      prev_source.reset();
    } else {
      if (prev_source) chunks.push_back(Chunk{false, *prev_source, {}});
      prev_source = group.lines;
    }
  }
  if (prev_source && !prev_source->empty()) chunks.push_back(Chunk{false, *prev_source, {}});
  return chunks;
}

// ---- parts (parser.py: _package_chunk) ----

std::vector<DocPart> package_chunk(const Chunk& chunk, int lineno) {
  const size_t indent = indent_of(chunk.source.front());
  std::vector<std::string> source;
  std::vector<std::string> exec;
  std::vector<std::string> want;
  for (const auto& line : chunk.source) {
    source.push_back(tail(line, indent));
    exec.push_back(tail(source.back(), 4));
  }
  for (const auto& line : chunk.want)
    want.push_back(tail(line, indent));

  const py::tuple located = python::helpers().attr("statement_starts")(py::cast(source));
  const auto ps1 = located[0].cast<std::vector<int>>();
  const auto mode = located[1].cast<std::string>();

  // A statement carrying a directive is a part of its own (inline: only that statement;
  // block: up to the next directive).
  std::vector<int> breaks;
  for (size_t k = 0; k < ps1.size(); ++k) {
    const size_t s1 = static_cast<size_t>(ps1[k]);
    const size_t s2 = k + 1 < ps1.size() ? static_cast<size_t>(ps1[k + 1]) : exec.size();
    const auto scope =
        python::helpers().attr("directive_scope")(join(exec, s1, s2)).cast<std::string>();
    if (scope.empty()) continue;
    breaks.push_back(static_cast<int>(s1));
    if (scope == "inline" && k + 1 < ps1.size()) breaks.push_back(static_cast<int>(s2));
  }

  auto slice = [&](size_t s1, size_t s2) {
    DocPart part;
    part.exec_lines.assign(exec.begin() + static_cast<long>(s1),
                           exec.begin() + static_cast<long>(s2));
    part.orig_lines.assign(source.begin() + static_cast<long>(s1),
                           source.begin() + static_cast<long>(s2));
    part.line = lineno + static_cast<int>(s1);
    return part;
  };
  std::vector<DocPart> parts;
  size_t s1 = 0;
  if (!breaks.empty()) {
    breaks.push_back(0);
    std::set<int> sorted(breaks.begin(), breaks.end());
    std::vector<int> points(sorted.begin(), sorted.end());
    for (size_t k = 0; k + 1 < points.size(); ++k) {
      parts.push_back(slice(static_cast<size_t>(points[k]), static_cast<size_t>(points[k + 1])));
    }
    s1 = static_cast<size_t>(points.back());
  }
  if (!want.empty() && (mode == "eval" || mode == "single") && !ps1.empty()) {
    const auto s2 = static_cast<size_t>(ps1.back());
    if (s2 != s1) {
      parts.push_back(slice(s1, s2));
      s1 = s2;
    }
  }
  DocPart last = slice(s1, exec.size());
  if (!want.empty()) {
    last.want = join(want);
    last.want_line = lineno + static_cast<int>(source.size());
    last.want_line_count = static_cast<int>(want.size());
    last.compile_mode = mode;
  }
  parts.push_back(std::move(last));
  return parts;
}

} // namespace

// DoctestParser.parse; `first_line` is the docstring line of the text's first line.
Result<std::vector<ParsedItem>> parse_doctest(const std::string& text, int first_line) {
  std::vector<std::string> lines;
  for (const auto& line : splitlines(text))
    lines.push_back(expand_tabs(line));
  size_t min_indent = std::string::npos;
  for (const auto& line : lines) {
    size_t n = 0;
    while (n < line.size() && line[n] == ' ')
      ++n;
    if (n < line.size() && !is_space(line[n])) min_indent = std::min(min_indent, n);
  }
  if (min_indent != std::string::npos && min_indent > 0) {
    for (auto& line : lines)
      line = tail(line, min_indent);
  }
  try {
    auto labeled = label_lines(lines);
    if (!labeled) return labeled.error();
    std::vector<ParsedItem> out;
    int lineno = first_line;
    for (const auto& chunk : group_lines(*labeled)) {
      if (chunk.is_text) {
        out.emplace_back(chunk.source);
        lineno += static_cast<int>(chunk.source.size());
      } else {
        for (auto& part : package_chunk(chunk, lineno))
          out.emplace_back(std::move(part));
        lineno += static_cast<int>(chunk.source.size() + chunk.want.size());
      }
    }
    return out;
  } catch (py::error_already_set& ex) {
    return Error{ex.what(), ""};
  } catch (py::cast_error& ex) {
    return Error{ex.what(), ""};
  }
}

} // namespace docnb::converters
