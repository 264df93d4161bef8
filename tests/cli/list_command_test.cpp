// `docnb list PATHS`: the id of every example, one a line, or a JSON line each with --json.
#include "cli/commands.hpp"
#include "cli_fixtures.hpp"
#include "notebook/notebook.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::testing;

TEST_CASE("list command: every example under the paths, one a line", "[cli][list]") {
  const InProject project;
  project.write("a.md", "```python\n1\n```\n\n```python\n2\n```\n");
  project.write("notes.txt", "not a source\n");
  const auto listed = run_command(cli::add_list_command, "list .");
  CHECK(listed.code == 0);
  CHECK(listed.out == "a.md:2\na.md:6\n");
  const auto json = run_command(cli::add_list_command, "list --json a.md");
  CHECK(json.code == 0);
  std::istringstream lines(json.out);
  std::string first;
  REQUIRE(std::getline(lines, first));
  CHECK(Json::parse(first)["id"] == "a.md:2");
}

TEST_CASE("list command: a path that does not exist is exit code 2", "[cli][list]") {
  const InProject project;
  CHECK(run_command(cli::add_list_command, "list missing.md").code == 2);
}
