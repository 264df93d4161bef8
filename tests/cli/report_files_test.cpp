// Report files: written with their folders, refused when they cannot be; the HTML report from
// a JSON one; the source URL template checked when it is given.
#include "cli/report_files.hpp"
#include "cli_fixtures.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace docnb::cli;
using docnb::testing::InProject;
namespace fs = std::filesystem;

namespace {

std::string text_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

} // namespace

TEST_CASE("report files: written whole, their folders made", "[cli][report_files]") {
  const InProject project;
  CHECK(write_report("reports/deep/r.xml", "<testsuites/>"));
  CHECK(text_of(project.path() / "reports/deep/r.xml") == "<testsuites/>");
  CHECK(write_report("reports/deep/r.xml", "again"));
  CHECK(text_of(project.path() / "reports/deep/r.xml") == "again");
  // A folder where the file should be: nothing can be written there.
  fs::create_directory(project.path() / "taken");
  CHECK_FALSE(write_report("taken", "x"));
}

TEST_CASE("report files: the HTML report of a JSON report", "[cli][report_files]") {
  const InProject project;
  CHECK_FALSE(write_html_report("r.html", "{not json", ""));
  CHECK_FALSE(fs::exists(project.path() / "r.html"));
  CHECK_FALSE(write_html_report("r.html", R"({"examples": 3})", ""));
  CHECK_FALSE(fs::exists(project.path() / "r.html"));
  REQUIRE(
      write_html_report("out/r.html", R"({"examples": []})", "https://example.org/{path}#L{line}"));
  CHECK_THAT(text_of(project.path() / "out/r.html"), Catch::Contains("<html"));
}

TEST_CASE("report files: the source URL must be a web address", "[cli][report_files]") {
  std::string url;
  const auto add = [&url](CLI::App& app) { add_source_url_option(app, url); };
  docnb::testing::parse_options(add, "--html-source-url https://example.org/{path}#L{line}");
  CHECK_THROWS_AS(docnb::testing::parse_options(add, "--html-source-url file:///tmp/{path}"),
                  CLI::ValidationError);
}
