// write_back (converters/source.hpp) for Markdown and reStructuredText (docstrings have their
// own writer): fresh outputs become line edits at the places the converters recorded in each
// cell's source map (notebook/source_map.hpp), so every other byte of the source (line endings
// included) stays as it was.
#include "converters/docstring_write_back.hpp"
#include "converters/pycon.hpp"
#include "converters/source.hpp"
#include "converters/text_source.hpp"
#include "converters/want_lines.hpp"
#include "support/line_edits.hpp"
#include "support/text.hpp"

#include <algorithm>

namespace docnb::converters {
namespace {

struct CellPlace {
  int line = 0;
  int last_line = 0;
  bool has_want = false;
  int want_line = 0;
  int want_last_line = 0;
  bool setup = false;
};

std::optional<CellPlace> place_of(const Json& cell) {
  const std::optional<SourceMap> map = source_map_of(cell);
  if (!map) return std::nullopt;
  CellPlace place;
  place.line = map->line;
  place.last_line = map->last_line;
  if (map->want) {
    place.has_want = true;
    place.want_line = map->want_line;
    place.want_last_line = map->want_last_line;
  }
  place.setup = map->role == CellRole::setup;
  if (place.line < 1) return std::nullopt;
  return place;
}

// A `>>>` part's want follows its last statement line directly; a fence's or a testoutput's
// is at least a closing marker and an opening one further down.
bool is_pycon_want(const CellPlace& place) {
  return place.has_want && place.want_line == place.last_line + 1;
}

// Lines of `body`, each after `prefix`; a blank line gets the prefix without its trailing
// spaces, so that a block quote's `>` carries on and no trailing whitespace appears.
std::string prefixed(const std::string& body, const std::string& prefix) {
  std::string out;
  for (const std::string& line : split_text(body))
    out += (is_blank(line) ? rstrip(prefix, " \t") : prefix + line) + "\n";
  return out;
}

// The container prefix of a fence line (indentation, block quote markers) and its fence.
struct FenceLine {
  std::string prefix;
  std::string fence; // the run of ` or ~
  std::string info;
};

std::optional<FenceLine> fence_line(const std::string& line) {
  const std::size_t at = line.find_first_not_of(" \t>");
  if (at == std::string::npos || (line[at] != '`' && line[at] != '~')) return std::nullopt;
  const std::size_t end = std::min(line.find_first_not_of(line[at], at), line.size());
  if (end - at < 3) return std::nullopt;
  return FenceLine{line.substr(0, at), line.substr(at, end - at),
                   std::string(trim(std::string_view(line).substr(end)))};
}

bool is_python_info(const std::string& info) {
  std::string first = info.substr(0, info.find_first_of(" \t"));
  std::transform(first.begin(), first.end(), first.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return first == "python" || first == "py" || first == "python3" || first == "ipython3" ||
         first == "ipython";
}

// A fence of `c` long enough (at least `least`) that no line of `body` closes it.
std::string fence_for(const std::string& body, char c = '`', std::size_t least = 3) {
  std::size_t longest = 0;
  for (const std::string& line : split_text(body)) {
    const std::size_t at = line.find_first_not_of(' ');
    if (at == std::string::npos || line[at] != c) continue;
    longest = std::max(longest, std::min(line.find_first_not_of(c, at), line.size()) - at);
  }
  return std::string(std::max(least, longest + 1), c);
}

class Writer {
public:
  Writer(const SourceText& source, SourceKind kind, std::string path)
      : source_(source), kind_(kind), path_(std::move(path)) {}

  void add(const CellPlace& place, const std::string& printed) {
    const std::string body = want_text(printed);
    if (is_pycon_want(place)) {
      if (const auto why = unwritable_want(body)) {
        refuse(place.want_line, *why);
        return;
      }
      edits_.push_back({static_cast<std::size_t>(place.want_line),
                        static_cast<std::size_t>(place.want_last_line), pycon_text(body),
                        prompt_indent(line(place.line))});
    } else if (place.has_want && kind_ == SourceKind::markdown) {
      add_output_fence(place, body);
    } else if (place.has_want) {
      add_testoutput(place, body);
    } else if (kind_ == SourceKind::markdown && !place.setup && !body.empty()) {
      insert_output_fence(place, body);
    }
  }

  std::vector<LineEdit> take() { return std::move(edits_); }
  std::vector<std::string> take_refusals() { return std::move(refused_); }

private:
  int count() const { return static_cast<int>(source_.lines.size()); }
  void refuse(int line, const std::string& why) {
    refused_.push_back(path_ + ":" + std::to_string(line) + ": not written back: " + why);
  }
  std::string line(int n) const {
    return n >= 1 && n <= count() ? source_.lines[static_cast<std::size_t>(n - 1)] : std::string();
  }

  void add_output_fence(const CellPlace& place, const std::string& body) {
    // A MyST testoutput's options stand between its fence and its output.
    int opening = place.want_line - 1;
    while (opening > place.last_line && !fence_line(line(opening)))
      --opening;
    const std::optional<FenceLine> open = fence_line(line(opening));
    if (!open) return;
    if (opening != place.want_line - 1 || open->info.starts_with("{testoutput}")) {
      if (!body.empty() && fence_for(body, open->fence[0], open->fence.size()) != open->fence) {
        refuse(place.want_line, "a line of the output would close the testoutput fence");
        return;
      }
      // A testoutput stays, empty or not: Sphinx pairs it with its testcode.
      edits_.push_back({static_cast<std::size_t>(place.want_line),
                        static_cast<std::size_t>(place.want_last_line),
                        prefixed(body, open->prefix), ""});
      return;
    }
    if (!body.empty()) {
      const std::string fence = fence_for(body, open->fence[0], open->fence.size());
      if (fence.size() == open->fence.size()) {
        edits_.push_back({static_cast<std::size_t>(place.want_line),
                          static_cast<std::size_t>(place.want_last_line),
                          prefixed(body, open->prefix), ""});
        return;
      }
      // A line of the output would close the fence: the fence grows, both of its lines.
      int last = place.want_last_line;
      if (fence_line(line(last + 1))) ++last;
      edits_.push_back({static_cast<std::size_t>(opening), static_cast<std::size_t>(last),
                        open->prefix + fence + open->info + "\n" + prefixed(body, open->prefix) +
                            open->prefix + fence + "\n",
                        ""});
      return;
    }
    // Nothing printed: the fence goes, with the blank lines that separated it from the code.
    int first = opening;
    while (first - 1 > place.last_line && is_blank(line(first - 1)))
      --first;
    int last = place.want_last_line;
    if (fence_line(line(last + 1))) ++last;
    edits_.push_back({static_cast<std::size_t>(first), static_cast<std::size_t>(last), "", ""});
  }

  void insert_output_fence(const CellPlace& place, const std::string& body) {
    int closing = place.last_line + 1;
    while (closing <= count() && is_blank(line(closing)))
      ++closing;
    int opening = place.line - 1;
    while (opening >= 1 && is_blank(line(opening)))
      --opening;
    const std::optional<FenceLine> close = fence_line(line(closing));
    const std::optional<FenceLine> open = fence_line(line(opening));
    // Only a closed python fence takes an output fence (not pycon, MyST code-cells or hidden
    // setup code, whose outputs have no place in the page).
    if (!close || !open || !close->info.empty() || !is_python_info(open->info)) return;
    if (starts_with_prompt(line(place.line))) return; // a >>> session in a python fence
    const std::string fence = fence_for(body);
    const std::string text = rstrip(close->prefix, " \t") + "\n" + close->prefix + fence +
                             "output\n" + prefixed(body, close->prefix) + close->prefix + fence +
                             "\n";
    edits_.push_back(
        {static_cast<std::size_t>(closing + 1), static_cast<std::size_t>(closing), text, ""});
  }

  void add_testoutput(const CellPlace& place, const std::string& body) {
    if (place.want_last_line >= place.want_line) {
      // The body's indentation is that of its least indented line.
      std::string indent;
      int least = 1 << 20;
      for (int n = place.want_line; n <= place.want_last_line; ++n) {
        const std::string text = line(n);
        if (is_blank(text) || indentation(text) >= least) continue;
        least = indentation(text);
        indent = text.substr(0, text.find_first_not_of(" \t"));
      }
      edits_.push_back({static_cast<std::size_t>(place.want_line),
                        static_cast<std::size_t>(place.want_last_line), body, indent});
      return;
    }
    if (body.empty()) return;
    // An empty testoutput: the body goes after its options, a blank line apart from them.
    const int directive = place.want_last_line;
    const std::string head = line(directive);
    const int depth = indentation(head);
    int at = directive + 1;
    while (at <= count() && !is_blank(line(at)) && indentation(line(at)) > depth &&
           trim(line(at)).starts_with(":")) {
      ++at;
    }
    std::string text = "\n" + body + "\n";
    if (at <= count() && !is_blank(line(at))) text += "\n";
    edits_.push_back({static_cast<std::size_t>(at), static_cast<std::size_t>(at - 1), text,
                      head.substr(0, head.find_first_not_of(" \t")) + "   "});
  }

  const SourceText& source_;
  SourceKind kind_;
  std::string path_;
  std::vector<LineEdit> edits_;
  std::vector<std::string> refused_;
};

} // namespace

Result<WriteBack> write_back(const Converted& converted, const std::vector<FreshOutput>& fresh) {
  const std::string path = converted.notebook.path.string();
  if (converted.kind == SourceKind::docstring) {
    return write_back_docstrings(converted, fresh);
  }
  if (converted.kind != SourceKind::markdown && converted.kind != SourceKind::rst) {
    return Error{std::string(to_string(converted.kind)) + " sources hold no expected outputs to "
                                                          "write back",
                 path};
  }
  Result<SourceText> source = split_source(converted.original, path);
  if (!source) return source.error();
  Writer writer(*source, converted.kind, path);
  const Json& cells = converted.notebook.cells();
  for (const FreshOutput& output : fresh) {
    if (output.cell >= cells.size()) {
      return Error{"no cell " + std::to_string(output.cell) + " to write back", path};
    }
    if (const std::optional<CellPlace> place = place_of(cells[output.cell])) {
      writer.add(*place, output.printed);
    }
  }
  Result<std::string> text = apply_line_edits(converted.original, writer.take());
  if (!text) return Error{text.error().message, path + ":" + text.error().where};
  return WriteBack{std::move(text).value(), writer.take_refusals()};
}

} // namespace docnb::converters
