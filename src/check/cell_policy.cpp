#include "check/cell_policy.hpp"

#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <string_view>

namespace docnb::check {

namespace {

enum class Option { compare, raises, skip };

struct Marker {
  std::string_view comment; // as written after '#'
  Option option;
  bool value;
};

constexpr std::array<Marker, 5> markers = {{
    {"PYTEST_VALIDATE_IGNORE_OUTPUT", Option::compare, false},
    {"NBVAL_IGNORE_OUTPUT", Option::compare, false},
    {"NBVAL_CHECK_OUTPUT", Option::compare, true},
    {"NBVAL_RAISES_EXCEPTION", Option::raises, true},
    {"NBVAL_SKIP", Option::skip, true},
}};

std::string option_name(Option option) {
  switch (option) {
  case Option::compare:
    return "check";
  case Option::raises:
    return "check_exception";
  case Option::skip:
    return "skip";
  }
  return "";
}

// nbval derives each tag from its comment: lower case, '_' -> '-'.
std::string tag_of(std::string_view comment) {
  std::string tag(comment);
  for (char& c : tag) {
    c = c == '_' ? '-' : static_cast<char>(std::tolower(c));
  }
  return tag;
}

std::optional<Marker> marker_for_tag(const std::string& tag) {
  for (const Marker& m : markers) {
    if (tag_of(m.comment) == tag) {
      return m;
    }
  }
  if (tag == "raises-exception") {
    return Marker{"raises-exception", Option::raises, true};
  }
  // nbclient's and papermill's convention, honoured so one notebook serves every tool.
  if (tag == "skip-execution") {
    return Marker{"skip-execution", Option::skip, true};
  }
  return std::nullopt;
}

std::string_view strip(std::string_view s) {
  constexpr std::string_view blanks = " \t\r\n\v\f";
  const std::size_t begin = s.find_first_not_of(blanks);
  if (begin == std::string_view::npos) {
    return {};
  }
  return s.substr(begin, s.find_last_not_of(blanks) - begin + 1);
}

std::string source_text(const Json& source) {
  if (source.is_string()) {
    return source.get<std::string>();
  }
  std::string joined;
  if (source.is_array()) {
    for (const Json& line : source) {
      if (line.is_string()) {
        joined += line.get<std::string>();
      }
    }
  }
  return joined;
}

// Python's str.splitlines() boundaries that occur in source code.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\n' && c != '\r' && c != '\v' && c != '\f') {
      continue;
    }
    lines.push_back(text.substr(begin, i - begin));
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
    }
    begin = i + 1;
  }
  if (begin < text.size()) {
    lines.push_back(text.substr(begin));
  }
  return lines;
}

// Option -> (value, spelling that set it), last one winning, with nbval's warning wording.
using Found = std::map<Option, std::pair<bool, std::string>>;

void record(Found& found, const Marker& marker, std::string_view kind,
            std::vector<std::string>& warnings) {
  auto it = found.find(marker.option);
  if (it != found.end()) {
    warnings.push_back("Conflicting " + std::string(kind) + " found, using the latest: " +
                       it->second.second + " VS " + std::string(marker.comment));
  }
  found[marker.option] = {marker.value, std::string(marker.comment)};
}

} // namespace

CellPolicy cell_policy(const Json& cell, CompareMode mode) {
  CellPolicy policy;
  Found from_tags;
  const Json* metadata = cell.contains("metadata") ? &cell.at("metadata") : nullptr;
  if (metadata != nullptr && metadata->is_object() && metadata->contains("tags")) {
    const Json& tags = metadata->at("tags");
    if (!tags.is_array()) {
      policy.warnings.emplace_back("Cell tags is not a list, ignoring.");
    } else {
      for (const Json& tag : tags) {
        if (!tag.is_string()) {
          continue;
        }
        const std::string name = tag.get<std::string>();
        if (auto marker = marker_for_tag(name)) {
          marker->comment = name; // report the tag as spelt
          record(from_tags, *marker, "metadata tags", policy.warnings);
        }
      }
    }
  }

  Found from_comments;
  const std::string source = source_text(cell.value("source", Json()));
  for (std::string_view line : split_lines(source)) {
    line = strip(line);
    if (!line.starts_with('#')) {
      continue;
    }
    const std::size_t text_start = line.find_first_not_of('#');
    const std::string_view comment =
        text_start == std::string_view::npos ? std::string_view{} : strip(line.substr(text_start));
    for (const Marker& m : markers) {
      if (m.comment == comment) {
        record(from_comments, m, "comment markers", policy.warnings);
      }
    }
  }

  std::string overlap;
  for (const auto& [option, setting] : from_comments) {
    if (from_tags.contains(option)) {
      overlap += (overlap.empty() ? "'" : ", '") + option_name(option) + "'";
    }
  }
  if (!overlap.empty()) {
    policy.warnings.push_back(
        "Overlapping options from comments and metadata, using options from comments: {" + overlap +
        "}");
  }

  Found options = from_tags;
  for (const auto& [option, setting] : from_comments) {
    options[option] = setting;
  }
  auto value = [&](Option option, bool fallback) {
    auto it = options.find(option);
    return it == options.end() ? fallback : it->second.first;
  };
  policy.skip = value(Option::skip, false);
  policy.raises_exception = value(Option::raises, false);
  policy.compare_outputs = value(Option::compare, mode == CompareMode::strict);
  return policy;
}

} // namespace docnb::check
