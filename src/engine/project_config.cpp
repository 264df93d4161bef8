#include "engine/project_config.hpp"

#include "support/atomic_file.hpp"
#include "support/nearest_name.hpp"

#include <array>
#include <toml++/toml.h>

namespace docnb {
namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 19> known_keys = {"depends",
                                                         "style",
                                                         "global_exec",
                                                         "options",
                                                         "analysis",
                                                         "exclude",
                                                         "attach_calls",
                                                         "gallery_patterns",
                                                         "txt_as_rst",
                                                         "fork",
                                                         "preload",
                                                         "max_output_bytes",
                                                         "max_output_action",
                                                         "gateway_url",
                                                         "rules",
                                                         "doctest_global_setup",
                                                         "doctest_global_cleanup",
                                                         "doctest_default_flags",
                                                         "sphinx_conf"};

std::string where(const fs::path& file, const toml::node& node) {
  return file.string() + ":" + std::to_string(node.source().begin.line);
}

Result<std::string> text_of(const toml::node& node, std::string_view key, const fs::path& file) {
  if (const auto text = node.value<std::string>()) return *text;
  return Error{"`" + std::string(key) + "` must be a string", where(file, node)};
}

// An array of strings; a string is taken as a comma-separated list, as on the command line.
Result<std::vector<std::string>> list_of(const toml::node& node, std::string_view key,
                                         const fs::path& file) {
  std::vector<std::string> items;
  if (const auto text = node.value<std::string>()) {
    std::size_t start = 0;
    while (start <= text->size()) {
      const std::size_t end = std::min(text->find(',', start), text->size());
      if (end > start) items.push_back(text->substr(start, end - start));
      start = end + 1;
    }
    return items;
  }
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    return Error{"`" + std::string(key) + "` must be an array of strings", where(file, node)};
  }
  for (const toml::node& item : *array) {
    const auto text = item.value<std::string>();
    if (!text) {
      return Error{"`" + std::string(key) + "` must be an array of strings", where(file, item)};
    }
    items.push_back(*text);
  }
  return items;
}

// The bounds of a run: max_output_bytes (a count of bytes, 0 for none) and
// max_output_action ("fail" or "warn").
Status read_limit(std::string_view key, const toml::node& node, const fs::path& file,
                  ProjectConfig& config) {
  if (key == "max_output_bytes") {
    const auto bytes = node.value<std::int64_t>();
    if (!bytes || *bytes < 0) {
      return Error{"`max_output_bytes` must be a number of bytes (0: no bound)", where(file, node)};
    }
    config.max_output_bytes = static_cast<std::size_t>(*bytes);
    return Done{};
  }
  const auto action = node.value<std::string>();
  if (!action || (*action != "fail" && *action != "warn")) {
    return Error{"`max_output_action` must be \"fail\" or \"warn\"", where(file, node)};
  }
  config.max_output_action = *action;
  return Done{};
}

// `rules = "SET"` or a table of `KIND = "SET"`, kept in --rules' spelling.
Status read_rules(const toml::node& node, const fs::path& file, ProjectConfig& config) {
  if (const auto text = node.value<std::string>()) {
    config.rules.push_back(*text);
    return Done{};
  }
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return Error{"`rules` must be a string or a table of source kinds", where(file, node)};
  }
  for (const auto& [kind, value] : *table) {
    const auto text = value.value<std::string>();
    if (!text)
      return Error{"`rules." + std::string(kind.str()) + "` must be a string", where(file, value)};
    config.rules.push_back(std::string(kind.str()) + "=" + *text);
  }
  return Done{};
}

Status read_key(std::string_view key, const toml::node& node, const fs::path& file,
                ProjectConfig& config) {
  const auto set_text = [&](std::optional<std::string>& target) -> Status {
    Result<std::string> text = text_of(node, key, file);
    if (!text) return text.error();
    target = std::move(text).value();
    return Done{};
  };
  const auto set_list = [&](std::optional<std::vector<std::string>>& target) -> Status {
    Result<std::vector<std::string>> list = list_of(node, key, file);
    if (!list) return list.error();
    target = std::move(list).value();
    return Done{};
  };
  const auto set_flag = [&](std::optional<bool>& target) -> Status {
    if (const auto flag = node.value<bool>()) {
      target = *flag;
      return Done{};
    }
    return Error{"`" + std::string(key) + "` must be true or false", where(file, node)};
  };
  if (key == "depends") {
    Result<std::vector<std::string>> list = list_of(node, key, file);
    if (!list) return list.error();
    config.depends.insert(config.depends.end(), list->begin(), list->end());
    return Done{};
  }
  if (key == "style") return set_text(config.style);
  if (key == "global_exec") return set_text(config.global_exec);
  if (key == "options") return set_text(config.options);
  if (key == "analysis") return set_text(config.analysis);
  if (key == "gateway_url") return set_text(config.gateway_url);
  if (key == "rules") return read_rules(node, file, config);
  if (key == "doctest_global_setup") return set_text(config.doctest_global_setup);
  if (key == "doctest_global_cleanup") return set_text(config.doctest_global_cleanup);
  if (key == "doctest_default_flags") return set_text(config.doctest_default_flags);
  if (key == "sphinx_conf") return set_text(config.sphinx_conf);
  if (key == "exclude") return set_list(config.exclude);
  if (key == "attach_calls") return set_list(config.attach_calls);
  if (key == "gallery_patterns") return set_list(config.gallery_patterns);
  if (key == "txt_as_rst") return set_flag(config.txt_as_rst);
  if (key == "fork") return set_flag(config.fork);
  if (key == "preload") return set_list(config.preload);
  if (key == "max_output_bytes" || key == "max_output_action")
    return read_limit(key, node, file, config);
  std::string warning = where(file, node) + ": unknown key '" + std::string(key) + "'";
  if (const auto near = nearest_name(key, known_keys)) warning += ": did you mean " + *near + "?";
  config.warnings.push_back(std::move(warning));
  return Done{};
}

} // namespace

Status read_project_config_text(std::string_view text, const fs::path& file,
                                ProjectConfig& config) {
  toml::table document;
  try {
    document = toml::parse(text, file.string());
  } catch (const toml::parse_error& failure) {
    return Error{std::string(failure.description()),
                 file.string() + ":" + std::to_string(failure.source().begin.line)};
  }
  const toml::table* table =
      file.filename() == "pyproject.toml" ? document.at_path("tool.docnb").as_table() : &document;
  if (table == nullptr) return Done{};
  config.file = file;
  for (const auto& [key, node] : *table) {
    if (Status read = read_key(key.str(), node, file, config); !read) return read.error();
  }
  return Done{};
}

Result<ProjectConfig> read_project_config(const fs::path& root) {
  ProjectConfig config;
  for (const char* name : {"pyproject.toml", "docnb.toml"}) {
    const fs::path file = root / name;
    std::error_code error;
    if (!fs::exists(file, error)) continue;
    const Result<std::string> text = read_file_bytes(file);
    if (!text) return text.error();
    if (Status read = read_project_config_text(*text, file, config); !read) return read.error();
  }
  return config;
}

} // namespace docnb
