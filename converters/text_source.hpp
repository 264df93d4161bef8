// What every text converter shares: the source split into lines the way CommonMark counts
// them, and the cells of the notebook it becomes.
#pragma once

#include "converters/source.hpp"
#include "notebook/notebook.hpp"
#include "notebook/source_map.hpp"
#include "support/result.hpp"
#include "support/text.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace docnb::converters {

// A source's text without its byte order mark, checked to be UTF-8 (notebooks are JSON, so
// other bytes could not be written anyway), and its lines without their endings. Line n of
// the file is lines[n - 1]; "\r\n", "\n" and a lone "\r" all end a line, as in CommonMark.
struct SourceText {
  std::string text; // without the BOM
  std::vector<std::string> lines;
};

// An error names the file, line and byte offset of the first byte that is not UTF-8.
[[nodiscard]] Result<SourceText> split_source(std::string_view bytes, const std::string& path);

// Lines [first, last] (1-based, inclusive) joined with "\n", without a trailing newline.
[[nodiscard]] std::string join_lines(const std::vector<std::string>& lines, int first, int last);

// Lines first to last of a source, 1-based and inclusive.
struct LineRange {
  int first = 1;
  int last = 0;
};

// Lines [first, last], clamped to the source, without the blank lines at either end; nullopt
// when nothing is left.
[[nodiscard]] std::optional<LineRange> non_blank_range(const std::vector<std::string>& lines,
                                                       int first, int last);

// Leading and trailing blank lines dropped; nullopt when nothing is left.
[[nodiscard]] std::optional<std::string> trimmed_block(const std::vector<std::string>& lines,
                                                       int first, int last);

// Columns of leading whitespace; a tab advances to the next multiple of 8 as in Python.
[[nodiscard]] int indentation(std::string_view line);
// The line without its first `columns` columns of indentation.
[[nodiscard]] std::string dedent(std::string_view line, int columns);

// Accumulates the cells of a converted source, in order.
class CellList {
public:
  explicit CellList(std::string path) : path_(std::move(path)) {}

  // `metadata` is the cell's metadata (a percent cell's title and key=value pairs).
  void add_markdown(std::string text, Json metadata = Json::object());
  // Text kept as it is in a raw cell that nbsphinx renders in the given format.
  void add_raw(std::string text, std::string_view mime_type, Json metadata = Json::object());
  // `metadata` is merged into the cell's metadata (tags, nbsphinx, title). A map without an
  // example id names the block by its first line.
  void add_code(std::string source, SourceMap map, Json metadata = Json::object());
  // Lines `range` of the source as a code cell that maps back to them.
  void add_code_lines(const std::vector<std::string>& lines, LineRange range,
                      Json metadata = Json::object());

  [[nodiscard]] Json take() { return std::move(cells_); }
  [[nodiscard]] std::size_t size() const { return cells_.size(); }
  [[nodiscard]] Json& cell(std::size_t index) { return cells_.at(index); }
  [[nodiscard]] const std::string& path() const { return path_; }

private:
  std::string path_;
  Json cells_ = Json::array();
};

// An nbformat 4.5 notebook of `cells` (their ids as they are) for a Python kernel.
[[nodiscard]] Notebook python_notebook(const std::string& path, Json cells);

// python_notebook with cell ids that follow the cells' order (so converting the same source
// twice gives the same bytes).
[[nodiscard]] Notebook make_notebook(const std::string& path, Json cells);

// A text source of `kind` converted: its notebook of `cells`, the bytes it was read from, and
// what its reader warned of.
[[nodiscard]] Converted converted_text(SourceKind kind, const std::string& path, Json cells,
                                       std::string_view bytes, std::vector<std::string> warnings);

// What a line-by-line reader of a script does: adds the cells it finds in `lines` to `cells`,
// and what it warns of to `warnings`.
using ScriptCells = std::function<void(const std::vector<std::string>& lines, CellList& cells,
                                       std::vector<std::string>& warnings)>;

// A script source of `kind` split into lines and read into cells by `read`.
[[nodiscard]] Result<Converted> read_script(SourceKind kind, std::string_view bytes,
                                            const std::string& path, const ScriptCells& read);

// A source read by a `Reader` class: constructed from the split source, its path and any
// reader-specific arguments, its read() gives the converted source.
template <typename Reader, typename... ReaderArguments>
[[nodiscard]] Result<Converted> read_with(std::string_view bytes, const std::string& path,
                                          ReaderArguments&&... arguments) {
  Result<SourceText> source = split_source(bytes, path);
  if (!source) return source.error();
  Converted converted = Reader(*source, path, std::forward<ReaderArguments>(arguments)...).read();
  converted.original = std::string(bytes);
  return converted;
}

} // namespace docnb::converters
