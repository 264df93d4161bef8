#include "converters/myst_doctest.hpp"

#include "converters/pycon.hpp"

#include <algorithm>

namespace docnb::converters {
namespace {

// `- item` lines after a `key:` with no value of its own.
void add_item(std::string& value, std::string_view item) {
  value += (value.empty() ? "" : ", ") + std::string(trim(item));
}

// A `---` block of YAML `key: value` lines; nullopt when it is not closed.
std::optional<int> yaml_options(const std::vector<std::string>& lines,
                                std::map<std::string, std::string>& options) {
  std::string* list = nullptr;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view text = trim(lines[i]);
    if (text == "---") return static_cast<int>(i) + 1;
    if (list != nullptr && text.substr(0, 2) == "- ") {
      add_item(*list, text.substr(2));
      continue;
    }
    list = nullptr;
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    std::string& value = options[std::string(trim(text.substr(0, colon)))];
    value = std::string(trim(text.substr(colon + 1)));
    if (value.empty()) list = &value;
  }
  return std::nullopt;
}

// `:key: value` lines at the top of the content.
int field_options(const std::vector<std::string>& lines,
                  std::map<std::string, std::string>& options) {
  std::size_t i = 0;
  for (; i < lines.size() && !lines[i].empty() && lines[i][0] == ':'; ++i) {
    const std::string_view text = lines[i];
    const std::size_t close = text.find(':', 1);
    if (close == std::string_view::npos) break;
    options[std::string(text.substr(1, close - 1))] = std::string(trim(text.substr(close + 1)));
  }
  return static_cast<int>(i);
}

std::vector<std::string> split_groups(std::string_view argument) {
  std::vector<std::string> groups;
  std::size_t at = 0;
  while (at <= argument.size()) {
    const std::size_t end = std::min(argument.find(',', at), argument.size());
    const std::string_view name = trim(argument.substr(at, end - at));
    if (!name.empty()) groups.emplace_back(name);
    at = end + 1;
  }
  return groups;
}

// One group's name, or the argument as written when it names several (spread_groups).
std::string group_of(const MystDirective& directive) {
  const std::vector<std::string> groups = split_groups(directive.argument);
  if (groups.empty()) return "default";
  return groups.size() == 1 ? groups[0] : directive.argument;
}

void add_tags(std::string_view value, Json& tags) {
  value = trim(value);
  if (!value.empty() && value.front() == '[') value.remove_prefix(1);
  if (!value.empty() && value.back() == ']') value.remove_suffix(1);
  std::size_t at = 0;
  while (at <= value.size()) {
    const std::size_t end = std::min(value.find(',', at), value.size());
    std::string_view tag = trim(value.substr(at, end - at));
    if (tag.size() >= 2 && (tag.front() == '"' || tag.front() == '\'') &&
        tag.back() == tag.front()) {
      tag = tag.substr(1, tag.size() - 2);
    }
    if (!tag.empty()) tags.push_back(std::string(tag));
    at = end + 1;
  }
}

std::optional<std::string> option(const MystDirective& directive, const std::string& key) {
  const auto found = directive.options.find(key);
  if (found == directive.options.end()) return std::nullopt;
  return found->second;
}

} // namespace

std::optional<MystDirective> myst_directive(std::string_view info,
                                            const std::vector<std::string>& lines) {
  info = trim(info);
  if (info.empty() || info.front() != '{') return std::nullopt;
  const std::size_t close = info.find('}');
  if (close == std::string_view::npos) return std::nullopt;
  MystDirective directive;
  directive.name = std::string(trim(info.substr(1, close - 1)));
  directive.argument = std::string(trim(info.substr(close + 1)));
  if (!lines.empty() && trim(lines[0]) == "---") {
    directive.content_offset = yaml_options(lines, directive.options).value_or(0);
    if (directive.content_offset == 0) directive.options.clear();
  } else {
    directive.content_offset = field_options(lines, directive.options);
  }
  return directive;
}

std::pair<int, int> content_range(const std::vector<std::string>& lines, int offset) {
  int first = offset;
  while (first < static_cast<int>(lines.size()) &&
         is_blank(lines[static_cast<std::size_t>(first)])) {
    ++first;
  }
  int last = static_cast<int>(lines.size());
  while (last > first && is_blank(lines[static_cast<std::size_t>(last - 1)]))
    --last;
  return {first, last};
}

Json myst_tags(const MystDirective& directive) {
  Json tags = Json::array();
  if (const auto found = directive.options.find("tags"); found != directive.options.end()) {
    add_tags(found->second, tags);
  }
  return tags;
}

bool is_doctest_directive(std::string_view name) {
  return name == "doctest" || name == "testcode" || name == "testoutput" || name == "testsetup" ||
         name == "testcleanup";
}

void DoctestDirectives::warn(int line, const std::string& message) {
  warnings_.push_back(cells_.path() + ":" + std::to_string(line) + ": " + message);
}

void DoctestDirectives::read(const MystDirective& directive, const std::vector<std::string>& lines,
                             int first_line, const std::optional<std::string>& skip) {
  const std::string group = group_of(directive);
  const auto [first, last] = content_range(lines, directive.content_offset);
  const std::vector<std::string> content(lines.begin() + first, lines.begin() + last);
  if (directive.name == "testoutput") {
    // An empty output sits right after the options.
    read_testoutput(directive, content,
                    first_line + (content.empty() ? directive.content_offset : first),
                    first_line - 1);
    return;
  }
  open_testcode_.erase(group);
  if (content.empty()) return;
  SourceMap map;
  if (rules_) stamp_rules(map, *rules_);
  if (rules_ && rules_->rules == check::RuleSet::sphinx) {
    apply_sphinx_directive(map, directive.name, directive.argument, directive.options);
  }
  map.line = first_line + first;
  map.last_line = first_line + last - 1;
  map.group = group;
  map.skip = skip;
  map.skipif = option(directive, "skipif");
  if (const auto options = option(directive, "options")) {
    map.options = map.options ? *map.options + ", " + *options : *options;
  }
  Json metadata = Json::object();
  if (directive.options.count("hide") != 0) metadata["nbsphinx"] = "hidden";
  if (directive.name == "doctest") {
    for (const int stray :
         add_session_cells(content, map.line, map, metadata, cells_, one_statement_each(rules_))) {
      warn(stray, "text outside a >>> example is not checked");
    }
    return;
  }
  if (directive.name == "testsetup") map.role = CellRole::setup;
  if (directive.name == "testcleanup") map.role = CellRole::cleanup;
  if (directive.name == "testcode") open_testcode_[group] = cells_.size();
  cells_.add_code(join_lines(content, 1, static_cast<int>(content.size())), map,
                  std::move(metadata));
}

void DoctestDirectives::read_testoutput(const MystDirective& directive,
                                        const std::vector<std::string>& content, int first,
                                        int fence_line) {
  const std::string group = group_of(directive);
  const auto open = open_testcode_.find(group);
  if (open == open_testcode_.end()) {
    warn(fence_line, "testoutput without a testcode of its group before it is not checked");
    return;
  }
  Json& cell = cells_.cell(open->second);
  open_testcode_.erase(open);
  SourceMap map = source_map_of(cell).value();
  std::string want;
  for (const std::string& line : content)
    want += line + "\n";
  map.want = want;
  map.want_line = first;
  map.want_last_line = first + static_cast<int>(content.size()) - 1;
  if (rules_ && rules_->rules == check::RuleSet::sphinx) {
    // Sphinx compares a testcode's output with <BLANKLINE> processing off.
    map.options =
        map.options ? *map.options + ", +DONT_ACCEPT_BLANKLINE" : "+DONT_ACCEPT_BLANKLINE";
  }
  if (const auto options = option(directive, "options")) {
    map.options = map.options ? *map.options + ", " + *options : *options;
  }
  set_source_map(cell, map);
}

Json spread_groups(Json cells) {
  std::vector<std::string> named;
  for (const Json& cell : cells) {
    const std::optional<SourceMap> map = source_map_of(cell);
    if (!map || !map->group) continue;
    for (const std::string& group : split_groups(*map->group)) {
      if (group != "*" && std::find(named.begin(), named.end(), group) == named.end()) {
        named.push_back(group);
      }
    }
  }
  Json spread = Json::array();
  for (Json& cell : cells) {
    std::optional<SourceMap> map = source_map_of(cell);
    const std::vector<std::string> groups =
        map && map->group ? split_groups(*map->group) : std::vector<std::string>{};
    const bool every = std::find(groups.begin(), groups.end(), "*") != groups.end();
    if (groups.size() <= 1 && !every) {
      spread.push_back(std::move(cell));
      continue;
    }
    if (every && named.empty()) {
      // Sphinx adds a `*` cell to the groups the page has: with none, it runs nowhere.
      map->skip = "its group is *, and the page names no other group";
      set_source_map(cell, *map);
      spread.push_back(std::move(cell));
      continue;
    }
    for (const std::string& group : every ? named : groups) {
      Json copy = cell;
      map->group = group;
      set_source_map(copy, *map);
      spread.push_back(std::move(copy));
    }
  }
  return spread;
}

} // namespace docnb::converters
