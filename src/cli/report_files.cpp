#include "cli/report_files.hpp"

#include "report/html_escape.hpp"
#include "report/html_report.hpp"

#include <fstream>
#include <iostream>

namespace docnb::cli {

bool write_report(const std::filesystem::path& path, const std::string& text) {
  std::error_code ignored;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) std::cerr << "docnb: error: cannot write " << path.string() << "\n";
  return static_cast<bool>(out);
}

bool write_html_report(const std::filesystem::path& path, const std::string& json,
                       const std::string& source_url) {
  const nlohmann::json report = nlohmann::json::parse(json, nullptr, false);
  if (report.is_discarded()) {
    std::cerr << "docnb: error: the JSON report is not valid JSON\n";
    return false;
  }
  std::error_code ignored;
  const std::filesystem::path cwd = std::filesystem::current_path(ignored);
  const std::filesystem::path folder =
      std::filesystem::weakly_canonical(std::filesystem::absolute(path), ignored).parent_path();
  const std::string up = cwd.lexically_relative(folder).generic_string();
  SourceLinks links;
  links.base = up.empty() || up == "." ? std::string() : up + "/";
  links.url_template = source_url;
  const Result<std::string> html = html_report(report, links);
  if (!html) {
    std::cerr << "docnb: error: " << html.error().describe() << "\n";
    return false;
  }
  return write_report(path, *html);
}

void add_source_url_option(CLI::App& command, std::string& source_url) {
  command
      .add_option("--html-source-url", source_url,
                  "Link sources in the HTML report to this URL template instead of the files, "
                  "e.g. https://github.com/ORG/REPO/blob/SHA/{path}#L{line}")
      ->check([](const std::string& url) {
        return is_web_url(url) ? std::string() : std::string("must start with https:// or http://");
      });
}

} // namespace docnb::cli
