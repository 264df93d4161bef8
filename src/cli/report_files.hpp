// Writing report files, shared by `docnb run` and `docnb report`.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

namespace docnb::cli {

// Writes `text` to `path` (its folder created); false, with the error printed, when it cannot.
bool write_report(const std::filesystem::path& path, const std::string& text);

// Renders the JSON report `json` as the HTML report at `path`: links to sources are relative to
// `path`'s folder, the report's paths relative to the working directory (or `source_url`'s
// template when given). False, with the error printed, when it cannot.
bool write_html_report(const std::filesystem::path& path, const std::string& json,
                       const std::string& source_url);

// Adds --html-source-url to `command`, checked to be an http(s) template.
void add_source_url_option(CLI::App& command, std::string& source_url);

} // namespace docnb::cli
