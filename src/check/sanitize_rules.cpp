#include "check/sanitize_rules.hpp"

#include "support/atomic_file.hpp"

namespace docnb::check {

namespace {

// Python reads the file in text mode, so "\r\n" and "\r" end lines too.
std::vector<std::string_view> split_universal_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') {
      continue;
    }
    lines.push_back(text.substr(begin, i - begin));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
    }
    begin = i + 1;
  }
  if (begin < text.size()) {
    lines.push_back(text.substr(begin));
  }
  return lines;
}

struct Builtin {
  std::string_view name;
  std::vector<std::pair<std::string_view, std::string_view>> rules;
};

// Opt-in because each one hides real differences: a hex literal, a date that should not
// change, an id that should be stable.
const std::vector<Builtin>& builtins() {
  static const std::vector<Builtin> table = {
      {"memory-address", {{R"(\b0x[0-9a-fA-F]{4,16}\b)", "0xADDRESS"}}},
      {"timestamp",
       {{R"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)", "TIMESTAMP"},
        {R"(\d{4}-\d\d-\d\d)", "DATESTAMP"},
        {R"(\d\d-\d\d-\d{4})", "DATESTAMP"},
        {R"(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)", "TIMESTAMP"}}},
      {"uuid",
       {{R"(\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b)",
         "UUID"}}},
      {"ansi",
       {{R"(\x1b\[[0-9;?]*[ -/]*[@-~])", ""}, {R"(\x1b\][^\x07\x1b]*(?:\x07|\x1b\\))", ""}}},
  };
  return table;
}

} // namespace

std::vector<SanitizeRule> parse_sanitize_rules(std::string_view text, std::string_view origin) {
  constexpr std::string_view regex_prefix = "regex: ";
  constexpr std::string_view replace_prefix = "replace: ";
  const std::vector<std::string_view> lines = split_universal_lines(text);
  std::vector<SanitizeRule> rules;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!lines[i].starts_with(regex_prefix) || !lines[i + 1].starts_with(replace_prefix)) {
      continue;
    }
    rules.push_back({std::string(lines[i].substr(regex_prefix.size())),
                     std::string(lines[i + 1].substr(replace_prefix.size())),
                     std::string(origin) + ":" + std::to_string(i + 1)});
    ++i; // the replace line is consumed
  }
  return rules;
}

Result<std::vector<SanitizeRule>> read_sanitize_file(const std::filesystem::path& path) {
  const Result<std::string> text = read_file_bytes(path);
  if (!text) return Error{"cannot read sanitizer file", path.string()};
  return parse_sanitize_rules(*text, path.string());
}

const std::vector<std::string_view>& builtin_sanitizer_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Builtin& b : builtins()) {
      out.push_back(b.name);
    }
    return out;
  }();
  return names;
}

Result<std::vector<SanitizeRule>> builtin_sanitize_rules(std::string_view name) {
  for (const Builtin& b : builtins()) {
    if (b.name != name) {
      continue;
    }
    std::vector<SanitizeRule> rules;
    for (const auto& [regex, replace] : b.rules) {
      rules.push_back({std::string(regex), std::string(replace), "builtin:" + std::string(name)});
    }
    return rules;
  }
  std::string known;
  for (std::string_view n : builtin_sanitizer_names()) {
    known += (known.empty() ? "" : ", ") + std::string(n);
  }
  return Error{"unknown sanitizer '" + std::string(name) + "' (known: " + known + ")", ""};
}

} // namespace docnb::check
