// `docnb report r.json --html out.html`: a saved JSON report rendered as the HTML report.
#include "cli/commands.hpp"
#include "cli_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using docnb::testing::InProject;
using docnb::testing::run_command;

TEST_CASE("report command: a JSON report becomes the HTML page", "[cli][report]") {
  const InProject project;
  project.write("r.json", R"({"examples": []})");
  CHECK(run_command(cli::add_report_command, "report r.json --html site/r.html").code == 0);
  CHECK(std::filesystem::exists(project.path() / "site/r.html"));
  project.write("bad.json", "{not json");
  CHECK(run_command(cli::add_report_command, "report bad.json --html bad.html").code == 2);
  CHECK_THROWS_AS(run_command(cli::add_report_command, "report missing.json --html x.html"),
                  CLI::ValidationError);
}
