#include "converters/docstring_write_back.hpp"

#include "converters/text_source.hpp"
#include "converters/want_lines.hpp"
#include "support/line_edits.hpp"

#include <algorithm>

namespace docnb::converters {
namespace {

// The literal of the example a part belongs to, recorded on the example's namespace cell.
Json literal_of(const Json& cells, std::size_t part) {
  const ExampleId example = source_map_of(cells[part]).value_or(SourceMap{}).example;
  for (std::size_t i = part + 1; i-- > 0;) {
    const std::optional<SourceMap> map = source_map_of(cells[i]);
    if (!map || map->example != example) break;
    if (map->role == CellRole::example_namespace) {
      return map->literal.is_object() ? map->literal : Json::object();
    }
  }
  return Json::object();
}

std::string hex_escape(unsigned char c) {
  static const char* digits = "0123456789abcdef";
  return std::string("\\x") + digits[c >> 4] + digits[c & 15];
}

// One want line as the literal's source text: what, parsed, gives back `line`.
Result<std::string> in_literal(const std::string& line, const Json& literal) {
  const std::string form = literal.value("form", "other");
  const std::string quote = literal.value("quote", "");
  const char q = quote.empty() ? '"' : quote[0];
  std::string out;
  std::size_t run = 0; // quote characters in a row so far
  for (const char ch : line) {
    const auto c = static_cast<unsigned char>(ch);
    const bool control = (c < 0x20 && c != '\t') || c == 0x7f;
    if (form == "raw") {
      if (control) return Error{"a raw docstring cannot hold a control character", ""};
      run = ch == q ? run + 1 : 0;
      if (run >= quote.size()) return Error{"a raw docstring cannot hold its own quotes", ""};
      out += ch;
      continue;
    }
    if (ch == '\\') {
      out += "\\\\";
    } else if (control) {
      out += hex_escape(c);
    } else if (ch == q && ++run >= quote.size()) {
      out += std::string("\\") + ch; // breaks the run that would close the literal
      run = 0;
    } else {
      if (ch != q) run = 0;
      out += ch;
    }
  }
  return out;
}

class DocstringWriter {
public:
  DocstringWriter(const SourceText& source, std::string path)
      : source_(source), path_(std::move(path)) {}

  void add(const Json& cells, const FreshOutput& output) {
    const std::optional<SourceMap> map = source_map_of(cells[output.cell]);
    if (!map || !map->want) return;
    const int part_line = map->line;
    const int last_line = map->last_line;
    const int first = map->want_line;
    const int last = map->want_last_line;
    if (first < 1 || last < first) return;
    const Json literal = literal_of(cells, output.cell);
    const std::string form = literal.value("form", "other");
    if (form != "plain" && form != "raw") {
      return refuse(first, "the docstring is not a plain string literal (an f-string, "
                           ".format(...) or a concatenation)");
    }
    // Each want line must be a line of the file of its own, apart from the code and the quotes.
    const std::size_t want_lines = split_text(want_text(*map->want)).size();
    if (want_lines != static_cast<std::size_t>(last - first + 1) || first <= last_line) {
      return refuse(first, "the want shares a line of the file with other text of the docstring "
                           "(an escaped newline)");
    }
    if (literal.value("closing_line", 0) <= last) {
      return refuse(first, "the want shares its line with the docstring's closing quotes");
    }
    const std::string body = want_text(output.printed);
    if (const auto why = unwritable_want(body)) return refuse(first, *why);
    std::string text;
    for (const std::string& line : split_text(body)) {
      // A want ends at a blank line: blank output lines are written as <BLANKLINE>.
      Result<std::string> written = in_literal(is_blank(line) ? "<BLANKLINE>" : line, literal);
      if (!written) return refuse(first, written.error().message);
      text += *written + "\n";
    }
    edits_.push_back({static_cast<std::size_t>(first), static_cast<std::size_t>(last), text,
                      prompt_indent(line(part_line))});
  }

  std::vector<LineEdit> take() { return std::move(edits_); }
  std::vector<std::string> take_refusals() { return std::move(refused_); }

private:
  std::string line(int n) const {
    return n >= 1 && n <= static_cast<int>(source_.lines.size())
               ? source_.lines[static_cast<std::size_t>(n - 1)]
               : std::string();
  }

  void refuse(int at, const std::string& why) {
    refused_.push_back(path_ + ":" + std::to_string(at) + ": not written back: " + why);
  }

  const SourceText& source_;
  std::string path_;
  std::vector<LineEdit> edits_;
  std::vector<std::string> refused_;
};

} // namespace

Result<WriteBack> write_back_docstrings(const Converted& converted,
                                        const std::vector<FreshOutput>& fresh) {
  const std::string path = converted.notebook.path.string();
  std::string encoding = notebook_source_of(converted.notebook).encoding;
  if (encoding.empty()) encoding = "utf-8";
  if (encoding == "binary") {
    return Error{"not written back: a compiled module has no source to write wants into", path};
  }
  if (encoding != "utf-8" && encoding != "utf-8-sig") {
    return Error{"not written back: docnb writes wants into UTF-8 files only (this one is " +
                     encoding + ")",
                 path};
  }
  Result<SourceText> source = split_source(converted.original, path);
  if (!source) return source.error();
  DocstringWriter writer(*source, path);
  const Json& cells = converted.notebook.cells();
  for (const FreshOutput& output : fresh) {
    if (output.cell >= cells.size()) {
      return Error{"no cell " + std::to_string(output.cell) + " to write back", path};
    }
    writer.add(cells, output);
  }
  Result<std::string> text = apply_line_edits(converted.original, writer.take());
  if (!text) return Error{text.error().message, path + ":" + text.error().where};
  return WriteBack{std::move(text).value(), writer.take_refusals()};
}

} // namespace docnb::converters
