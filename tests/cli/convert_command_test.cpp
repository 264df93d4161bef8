// `docnb convert SOURCE -o OUT`: the notebook docnb would run, written; a source that cannot be
// read is exit code 2.
#include "cli/commands.hpp"
#include "cli_fixtures.hpp"
#include "notebook/notebook.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using docnb::testing::InProject;
using docnb::testing::run_command;

TEST_CASE("convert command: a Markdown page becomes a notebook of its blocks", "[cli][convert]") {
  const InProject project;
  project.write("page.md", "# Title\n\n```python\nx = 1\n```\n");
  const auto converted = run_command(cli::add_convert_command, "convert page.md -o out/page.ipynb");
  CHECK(converted.code == 0);
  const std::filesystem::path written = project.path() / "out/page.ipynb";
  REQUIRE(std::filesystem::exists(written));
  std::ifstream in(written);
  const Json notebook = Json::parse(in);
  CHECK(notebook["nbformat"] == 4);
  bool has_code = false;
  for (const Json& cell : notebook["cells"])
    has_code =
        has_code || (cell["cell_type"] == "code" && cell["source"] == Json::array({"x = 1"}));
  CHECK(has_code);
}

TEST_CASE("convert command: an unreadable source is exit code 2", "[cli][convert]") {
  const InProject project;
  CHECK(run_command(cli::add_convert_command, "convert missing.md -o out.ipynb").code == 2);
  CHECK_FALSE(std::filesystem::exists(project.path() / "out.ipynb"));
  CHECK_THROWS_AS(run_command(cli::add_convert_command, "convert page.md"), CLI::RequiredError);
}
