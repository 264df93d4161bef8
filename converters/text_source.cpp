#include "converters/text_source.hpp"

#include <cstdio>

namespace docnb::converters {
namespace {

// Length of the UTF-8 sequence starting at `at`, or 0 when it is not valid UTF-8 (overlong
// forms, surrogates and code points above U+10FFFF included, as JSON writers reject them).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned value = byte(at + i);
    const unsigned min = i == 1 ? low : 0x80;
    const unsigned max = i == 1 ? high : 0xBF;
    if (value < min || value > max) return 0;
  }
  return length;
}

} // namespace

Result<SourceText> split_source(std::string_view bytes, const std::string& path) {
  SourceText source;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  source.text = std::string(bytes);
  std::string current;
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const char c = bytes[i];
    if (c == '\n' || c == '\r') {
      source.lines.push_back(std::move(current));
      current.clear();
      ++line;
      i += (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
      line_start = i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(c));
      return Error{"not UTF-8: byte " + std::string(hex) + " at column " +
                       std::to_string(i - line_start + 1) + " (save the file as UTF-8)",
                   path + ":" + std::to_string(line)};
    }
    current.append(bytes.substr(i, length));
    i += length;
  }
  if (!current.empty()) source.lines.push_back(std::move(current));
  return source;
}

std::string join_lines(const std::vector<std::string>& lines, int first, int last) {
  std::string joined;
  for (int n = first; n <= last && n >= 1 && n <= static_cast<int>(lines.size()); ++n) {
    if (n != first) joined += '\n';
    joined += lines[static_cast<std::size_t>(n - 1)];
  }
  return joined;
}

std::optional<LineRange> non_blank_range(const std::vector<std::string>& lines, int first,
                                         int last) {
  const auto blank = [&](int n) { return is_blank(lines[static_cast<std::size_t>(n - 1)]); };
  if (first < 1) first = 1;
  if (last > static_cast<int>(lines.size())) last = static_cast<int>(lines.size());
  while (first <= last && blank(first))
    ++first;
  while (last >= first && blank(last))
    --last;
  if (first > last) return std::nullopt;
  return LineRange{first, last};
}

std::optional<std::string> trimmed_block(const std::vector<std::string>& lines, int first,
                                         int last) {
  const std::optional<LineRange> range = non_blank_range(lines, first, last);
  if (!range) return std::nullopt;
  return join_lines(lines, range->first, range->last);
}

int indentation(std::string_view line) {
  int columns = 0;
  for (const char c : line) {
    if (c == ' ') {
      ++columns;
    } else if (c == '\t') {
      columns = (columns / 8 + 1) * 8;
    } else {
      break;
    }
  }
  return columns;
}

std::string dedent(std::string_view line, int columns) {
  int at = 0;
  std::size_t i = 0;
  while (i < line.size() && at < columns && (line[i] == ' ' || line[i] == '\t')) {
    const int next = line[i] == '\t' ? (at / 8 + 1) * 8 : at + 1;
    if (next > columns) {
      // A tab that straddles the cut leaves its remaining columns as spaces.
      return std::string(static_cast<std::size_t>(next - columns), ' ') +
             std::string(line.substr(i + 1));
    }
    at = next;
    ++i;
  }
  return std::string(line.substr(i));
}

void CellList::add_markdown(std::string text, Json metadata) {
  cells_.push_back(
      {{"cell_type", "markdown"}, {"metadata", std::move(metadata)}, {"source", std::move(text)}});
}

void CellList::add_raw(std::string text, std::string_view mime_type, Json metadata) {
  if (!mime_type.empty()) metadata["raw_mimetype"] = mime_type;
  cells_.push_back(
      {{"cell_type", "raw"}, {"metadata", std::move(metadata)}, {"source", std::move(text)}});
}

void CellList::add_code(std::string source, SourceMap map, Json metadata) {
  if (map.example.empty()) map.example = ExampleId::line(path_, static_cast<std::size_t>(map.line));
  Json cell = {{"cell_type", "code"},
               {"execution_count", nullptr},
               {"metadata", Json::object()},
               {"outputs", Json::array()},
               {"source", std::move(source)}};
  set_source_map(cell, map);
  cell["metadata"].update(metadata);
  cells_.push_back(std::move(cell));
}

void CellList::add_code_lines(const std::vector<std::string>& lines, LineRange range,
                              Json metadata) {
  SourceMap map;
  map.line = range.first;
  map.last_line = range.last;
  add_code(join_lines(lines, range.first, range.last), map, std::move(metadata));
}

Notebook make_notebook(const std::string& path, Json cells) {
  int index = 0;
  for (Json& cell : cells) {
    char id[16];
    std::snprintf(id, sizeof id, "cell-%04d", index++);
    cell["id"] = id;
  }
  return python_notebook(path, std::move(cells));
}

Notebook python_notebook(const std::string& path, Json cells) {
  Notebook notebook;
  notebook.path = path;
  notebook.document = {
      {"cells", std::move(cells)},
      {"metadata",
       {{"kernelspec", {{"display_name", "Python 3"}, {"language", "python"}, {"name", "python3"}}},
        {"language_info", {{"name", "python"}}}}},
      {"nbformat", 4},
      {"nbformat_minor", 5}};
  return notebook;
}

Converted converted_text(SourceKind kind, const std::string& path, Json cells,
                         std::string_view bytes, std::vector<std::string> warnings) {
  Converted converted;
  converted.kind = kind;
  converted.notebook = make_notebook(path, std::move(cells));
  converted.original = std::string(bytes);
  converted.warnings = std::move(warnings);
  return converted;
}

Result<Converted> read_script(SourceKind kind, std::string_view bytes, const std::string& path,
                              const ScriptCells& read) {
  Result<SourceText> source = split_source(bytes, path);
  if (!source) return source.error();
  CellList cells(path);
  std::vector<std::string> warnings;
  read(source->lines, cells, warnings);
  return converted_text(kind, path, cells.take(), bytes, std::move(warnings));
}

} // namespace docnb::converters
