// `docnb run` as a command: the exit code says passed (0), failed (1) or unusable (2), the
// last line is the summary, and the reports asked for are written.
#include "cli/commands.hpp"
#include "cli_fixtures.hpp"
#include "notebook/notebook.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::testing;

namespace {

CommandRun docnb_run(const std::string& options) {
  return run_command(
      [](CLI::App& app) {
        return cli::add_run_command(app, {"docnb", "run"});
      },
      "run --kernel python3 --no-fork --no-cache " + options);
}

} // namespace

TEST_CASE("run command: a passing and a failing page, and the reports", "[cli][run][kernel]") {
  const InProject project("");
  project.write("good.md", "```python\n>>> print('same')\nsame\n```\n");
  const CommandRun passed = docnb_run("good.md");
  CHECK(passed.code == 0);
  CHECK_THAT(passed.out, Catch::EndsWith("docnb: 1 passed, 0 failed, 0 skipped\n"));

  project.write("bad.md", "```python\n>>> print('got')\nwanted\n```\n");
  const CommandRun failed = docnb_run("--json report.json --junit junit.xml good.md bad.md");
  CHECK(failed.code == 1);
  CHECK_THAT(failed.out, Catch::EndsWith("docnb: 1 passed, 1 failed, 0 skipped\n"));
  std::ifstream report(project.path() / "report.json");
  const Json json = Json::parse(report);
  CHECK(json["examples"].size() == 2);
  CHECK(std::filesystem::exists(project.path() / "junit.xml"));
  // The failure is recorded for --last-failed, which then runs the failing page only.
  const CommandRun again = docnb_run("--last-failed good.md bad.md");
  CHECK_THAT(again.out, Catch::EndsWith("docnb: 0 passed, 1 failed, 0 skipped\n"));
}

TEST_CASE("run command: an unusable command line runs nothing", "[cli][run]") {
  const InProject project("");
  project.write("good.md", "```python\n1\n```\n");
  CHECK(docnb_run("--check --update good.md").code == 2);
  CHECK(docnb_run("missing.md").code == 2);
  CHECK_FALSE(std::filesystem::exists(project.path() / "build"));
}
