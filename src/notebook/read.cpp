#include "notebook/read.hpp"

#include "notebook/cell_ids.hpp"
#include "notebook/disk_form.hpp"
#include "notebook/structure.hpp"
#include "support/json_depth.hpp"
#include "support/text.hpp"

#include <optional>
#include <system_error>

namespace docnb {
namespace {

// Python reads the file in text mode, so \r\n and a lone \r end a line as \n does.
struct Position {
  std::size_t line = 1;
  std::size_t column = 1; // in characters, as Python's json module counts them
};

Position position_of(std::string_view text, std::size_t offset) {
  Position p;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xc0) != 0x80 && c != '\r') {
      ++p.column;
    }
  }
  return p;
}

std::string place(const std::filesystem::path& origin, const Position& p) {
  return origin.string() + ":" + std::to_string(p.line);
}

// What a lead byte allows: the sequence length and the range of the second byte. The
// narrowed ranges reject what Python's strict codec rejects: overlong forms, surrogates
// (U+D800-U+DFFF) and code points above U+10FFFF.
struct LeadByte {
  std::size_t length;
  unsigned second_low;
  unsigned second_high;
};

std::optional<LeadByte> classify_lead_byte(unsigned lead) {
  if (lead >= 0xc2 && lead <= 0xdf) {
    return LeadByte{2, 0x80, 0xbf};
  }
  if (lead >= 0xe0 && lead <= 0xef) {
    return LeadByte{3, lead == 0xe0 ? 0xa0U : 0x80U, lead == 0xed ? 0x9fU : 0xbfU};
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    return LeadByte{4, lead == 0xf0 ? 0x90U : 0x80U, lead == 0xf4 ? 0x8fU : 0xbfU};
  }
  return std::nullopt;
}

// Length of the well-formed UTF-8 sequence at text[i], or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0U;
  };
  if (byte(i) < 0x80) {
    return 1;
  }
  const auto lead = classify_lead_byte(byte(i));
  if (!lead || byte(i + 1) < lead->second_low || byte(i + 1) > lead->second_high) {
    return 0;
  }
  for (std::size_t k = 2; k < lead->length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xbf) {
      return 0;
    }
  }
  return lead->length;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      return i;
    }
    i += length;
  }
  return std::nullopt;
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line L, column C:
// DETAIL"; the place is reported separately, so keep only DETAIL.
std::string parse_error_detail(const std::string& what) {
  const auto prefix = what.find("parse error");
  const auto colon = what.find(": ", prefix == std::string::npos ? 0 : prefix);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

Result<Json> parse_json(std::string_view text, const std::filesystem::path& origin) {
  try {
    return Json::parse(text.begin(), text.end(), nullptr, true, false);
  } catch (const Json::parse_error& e) {
    // e.byte is the 1-based index of the last character read: the offending one.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    const Position p = position_of(text, offset);
    const std::string detail = parse_error_detail(e.what());
    if (offset >= text.size()) {
      return Error{"truncated notebook: the JSON ends early at line " + std::to_string(p.line) +
                       " (" + detail + ")",
                   place(origin, p)};
    }
    return Error{"invalid JSON at line " + std::to_string(p.line) + ", column " +
                     std::to_string(p.column) + ": " + detail,
                 place(origin, p)};
  } catch (const Json::exception& e) {
    // Out-of-range numbers and the like: no position is known.
    return Error{std::string("invalid JSON: ") + parse_error_detail(e.what()), origin.string()};
  }
}

} // namespace

Result<Notebook> read_notebook_text(std::string_view text, const std::filesystem::path& origin) {
  if (is_blank(text)) {
    return Error{"empty file: a notebook is a JSON object", origin.string()};
  }
  if (text.starts_with("\xef\xbb\xbf")) {
    // Python's json.loads refuses a byte order mark, so Jupyter cannot open such a file.
    return Error{"the file starts with a UTF-8 byte order mark, which nbformat cannot read",
                 origin.string() + ":1"};
  }
  if (auto bad = first_invalid_utf8(text)) {
    const Position p = position_of(text, *bad);
    return Error{"not UTF-8: invalid byte at line " + std::to_string(p.line) + ", column " +
                     std::to_string(p.column),
                 place(origin, p)};
  }
  if (auto deep = find_nesting_beyond(text, max_json_depth)) {
    const Position p = position_of(text, *deep);
    return Error{"JSON nested deeper than " + std::to_string(max_json_depth) + " levels at line " +
                     std::to_string(p.line) + ", column " + std::to_string(p.column) +
                     " (nbformat cannot read it either)",
                 place(origin, p)};
  }
  auto parsed = parse_json(text, origin);
  if (!parsed) {
    return parsed.error();
  }
  Json document = std::move(parsed).value();
  if (auto error = find_structure_error(document, origin.string())) {
    return *error;
  }
  // What nbformat.read(path, 4) does after json.loads: to_notebook, then validate().
  rejoin_lines(document);
  strip_transient(document);
  repair_cell_ids(document);
  return Notebook{origin, std::move(document)};
}

} // namespace docnb
