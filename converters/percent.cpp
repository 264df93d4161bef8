#include "converters/percent.hpp"

#include "converters/text_source.hpp"
#include "support/nearest_name.hpp"

namespace docnb::converters {
namespace {

std::optional<std::string_view> marker_rest(std::string_view line) {
  for (const std::string_view marker : {std::string_view("# %%"), std::string_view("#%%")}) {
    if (line.substr(0, marker.size()) != marker) continue;
    std::string_view rest = line.substr(marker.size());
    if (rest.empty() || rest.front() == ' ' || rest.front() == '\t') return trim(rest);
  }
  return std::nullopt;
}

enum class CellType { code, markdown, raw };

struct Marker {
  CellType type = CellType::code;
  std::string title;
  Json metadata = Json::object();
};

// Splits on spaces outside quotes, brackets and braces.
std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      current += c;
      if (c == '\\' && i + 1 < text.size()) {
        current += text[++i];
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    if (c == '[' || c == '{' || c == '(') ++depth;
    if ((c == ']' || c == '}' || c == ')') && depth > 0) --depth;
    if ((c == ' ' || c == '\t') && depth == 0) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
      continue;
    }
    current += c;
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

Marker parse_marker(std::string_view rest, int line, const std::string& path,
                    std::vector<std::string>& warnings) {
  Marker marker;
  std::string title;
  for (const std::string& token : tokens_of(rest)) {
    if (token == "[markdown]" || token == "[md]") {
      marker.type = CellType::markdown;
      continue;
    }
    if (token == "[raw]") {
      marker.type = CellType::raw;
      continue;
    }
    if (token.front() == '{') {
      const Json parsed = Json::parse(token, nullptr, false);
      if (parsed.is_object()) {
        marker.metadata.update(parsed);
      } else {
        warnings.push_back(path + ":" + std::to_string(line) + ": cell metadata is not JSON");
      }
      continue;
    }
    const std::size_t equals = token.find('=');
    if (equals != std::string::npos && equals > 0 && token.front() != '[') {
      const std::string value = token.substr(equals + 1);
      const Json parsed = Json::parse(value, nullptr, false);
      marker.metadata[token.substr(0, equals)] = parsed.is_discarded() ? Json(value) : parsed;
      continue;
    }
    if (token.size() > 2 && token.front() == '[' && token.back() == ']') {
      // jupytext knows [markdown], [md] and [raw]: anything else in brackets is a typo.
      static const std::vector<std::string> types{"[markdown]", "[md]", "[raw]"};
      if (const auto near = nearest_name(token, types, 3)) {
        warnings.push_back(path + ":" + std::to_string(line) + ": unknown cell type " + token +
                           ": did you mean " + *near + "? (read as a code cell)");
      }
    }
    title += (title.empty() ? "" : " ") + token;
  }
  marker.title = title;
  return marker;
}

} // namespace

std::string uncomment(std::string_view line) {
  if (line.substr(0, 2) == "# ") return std::string(line.substr(2));
  if (line.substr(0, 1) == "#") return std::string(line.substr(1));
  return std::string(line);
}

bool is_percent_script(std::string_view text) {
  std::size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (marker_rest(line)) return true;
    start = end + 1;
  }
  return false;
}

namespace {

// A cell starts at each `# %%` marker; what comes before the first one is a code cell.
void percent_cells(const std::vector<std::string>& lines, CellList& cells,
                   std::vector<std::string>& warnings) {
  const int count = static_cast<int>(lines.size());
  int n = 1;
  // jupytext's header: `# ---` ... `# ---` on the first lines.
  if (count >= 1 && trim(lines[0]) == "# ---") {
    for (int m = 2; m <= count; ++m) {
      if (trim(lines[static_cast<std::size_t>(m - 1)]) == "# ---") {
        n = m + 1;
        break;
      }
    }
  }
  Marker marker;
  int first = n;
  const auto finish = [&](int last) {
    const std::optional<LineRange> range = non_blank_range(lines, first, last);
    if (!range) return;
    // jupytext keeps a cell's title and key=value options as its metadata, whatever its type.
    Json metadata = marker.metadata;
    if (!marker.title.empty()) metadata["title"] = marker.title;
    if (marker.type == CellType::code) {
      cells.add_code_lines(lines, *range, std::move(metadata));
      return;
    }
    std::string text;
    for (int k = range->first; k <= range->last; ++k) {
      if (k != range->first) text += '\n';
      text += uncomment(lines[static_cast<std::size_t>(k - 1)]);
    }
    if (marker.type == CellType::markdown) {
      cells.add_markdown(std::move(text), std::move(metadata));
    } else {
      cells.add_raw(std::move(text), "", std::move(metadata));
    }
  };
  for (int k = n; k <= count; ++k) {
    const auto rest = marker_rest(lines[static_cast<std::size_t>(k - 1)]);
    if (!rest) continue;
    finish(k - 1);
    marker = parse_marker(*rest, k, cells.path(), warnings);
    first = k + 1;
  }
  finish(count);
}

} // namespace

Result<Converted> read_percent(std::string_view bytes, const std::string& path) {
  return read_script(SourceKind::percent, bytes, path, percent_cells);
}

} // namespace docnb::converters
