#include "notebook/disk_form.hpp"

#include <algorithm>

namespace docnb {
namespace {

// Length of the line break starting at text[i] (0 when there is none), in UTF-8 bytes.
std::size_t line_break_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0U;
  };
  switch (byte(i)) {
  case '\n':
  case '\v':
  case '\f':
  case 0x1c:
  case 0x1d:
  case 0x1e:
    return 1;
  case '\r':
    return byte(i + 1) == '\n' ? 2 : 1;
  case 0xc2:
    return byte(i + 1) == 0x85 ? 2 : 0; // U+0085
  case 0xe2:
    return byte(i + 1) == 0x80 && (byte(i + 2) & 0xfe) == 0xa8 ? 3 : 0; // U+2028/9
  default:
    return 0;
  }
}

bool is_list_of_strings(const Json& value) {
  return value.is_array() &&
         std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); });
}

std::string joined(const Json& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += line.get_ref<const std::string&>();
  }
  return out;
}

// nbformat leaves JSON MIME types alone: their lists are data, not lines.
bool is_json_mime(std::string_view mime) {
  return mime == "application/json" ||
         (mime.starts_with("application/") && mime.ends_with("+json"));
}

void rejoin_mimebundle(Json& bundle) {
  if (!bundle.is_object()) {
    return;
  }
  for (const auto& [mime, value] : bundle.items()) {
    if (!is_json_mime(mime) && is_list_of_strings(value)) {
      value = joined(value);
    }
  }
}

bool is_rich_output(const std::string& output_type) {
  return output_type == "execute_result" || output_type == "display_data";
}

std::string output_type_of(const Json& output) {
  const auto it = output.find("output_type");
  return it != output.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void for_each_attachment(Json& cell, void (*apply)(Json&)) {
  const auto attachments = cell.find("attachments");
  if (attachments == cell.end() || !attachments->is_object()) {
    return;
  }
  for (const auto& [name, bundle] : attachments->items()) {
    apply(bundle);
  }
}

// `apply` on every object in `array`; nbformat leaves other elements as they are.
void for_each_object(Json& array, void (*apply)(Json&)) {
  for (auto& element : array) {
    if (element.is_object()) {
      apply(element);
    }
  }
}

// Outputs of code cells only: nbformat never looks at outputs of other cell types.
void for_each_code_output(Json& cell, void (*apply)(Json&)) {
  const auto type = cell.find("cell_type");
  const auto outputs = cell.find("outputs");
  if (type != cell.end() && *type == "code" && outputs != cell.end() && outputs->is_array()) {
    for_each_object(*outputs, apply);
  }
}

void join_member(Json& object, const char* key) {
  const auto value = object.find(key);
  if (value != object.end() && is_list_of_strings(*value)) {
    *value = joined(*value);
  }
}

void rejoin_output(Json& output) {
  const std::string type = output_type_of(output);
  if (is_rich_output(type)) {
    if (const auto data = output.find("data"); data != output.end()) {
      rejoin_mimebundle(*data);
    }
  } else if (!type.empty()) {
    join_member(output, "text"); // nbformat rejoins the text of every other output type
  }
}

void for_each_cell(Json& document, void (*apply)(Json&)) {
  const auto cells = document.find("cells");
  if (cells != document.end() && cells->is_array()) {
    for_each_object(*cells, apply);
  }
}

void rejoin_cell(Json& cell) {
  join_member(cell, "source");
  for_each_attachment(cell, rejoin_mimebundle);
  for_each_code_output(cell, rejoin_output);
}

void strip_cell_transient(Json& cell) {
  if (auto metadata = cell.find("metadata"); metadata != cell.end() && metadata->is_object()) {
    metadata->erase("trusted");
  }
}

} // namespace

void for_each_python_line(std::string_view text,
                          const std::function<void(std::string_view)>& line) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = line_break_length(text, i);
    if (length == 0) {
      ++i;
      continue;
    }
    i += length;
    line(text.substr(start, i - start));
    start = i;
  }
  if (start < text.size()) {
    line(text.substr(start));
  }
}

std::vector<std::string> python_splitlines(std::string_view text) {
  std::vector<std::string> lines;
  for_each_python_line(text, [&lines](std::string_view line) { lines.emplace_back(line); });
  return lines;
}

bool is_split_on_disk(std::string_view mime) {
  return mime.starts_with("text/") || mime == "application/javascript" || mime == "image/svg+xml";
}

void rejoin_lines(Json& document) {
  for_each_cell(document, rejoin_cell);
}

void strip_transient(Json& document) {
  if (auto metadata = document.find("metadata");
      metadata != document.end() && metadata->is_object()) {
    for (const char* key : {"orig_nbformat", "orig_nbformat_minor", "signature"}) {
      metadata->erase(key);
    }
  }
  for_each_cell(document, strip_cell_transient);
}

} // namespace docnb
