// `docnb run`'s command line and the project's docnb.toml turned into the one RunConfig, and
// the contradictions and bad values refused with the option or file that is wrong.
#include "cli/run_arguments.hpp"
#include "cli_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::cli;
using docnb::testing::InProject;

namespace {

Result<RunConfig> config_of(const std::string& line) {
  auto args = std::make_shared<RunArguments>();
  testing::parse_options([&args](CLI::App& app) { add_run_options(app, args); }, line);
  return to_config(*args, false);
}

Error error_of(const std::string& line) {
  Result<RunConfig> config = config_of(line);
  REQUIRE_FALSE(config.ok());
  return config.error();
}

} // namespace

TEST_CASE("run config: nothing to run is a usage error", "[cli][run_config]") {
  const InProject project;
  CHECK_THAT(error_of("").message, Catch::Contains("nothing to run"));
}

TEST_CASE("run config: path::name:N runs that example of the file", "[cli][run_config]") {
  const InProject project;
  const Result<RunConfig> config = config_of("page.md calc.py::add:0 calc.py::Square.area:1");
  REQUIRE(config.ok());
  CHECK(config->paths == std::vector<std::filesystem::path>{"page.md", "calc.py", "calc.py"});
  REQUIRE(config->selected_examples.size() == 1);
  CHECK(config->selected_examples.at(canonical_source("calc.py")) ==
        std::set<std::string, std::less<>>{"add:0", "Square.area:1"});
  CHECK(config->project_root == std::filesystem::canonical(project.path()));
}

TEST_CASE("run config: --check and --update contradict each other", "[cli][run_config]") {
  const InProject project;
  const Error error = error_of("--check --update page.md");
  CHECK(error.where == "--update");
  CHECK_THAT(error.message, Catch::Contains("--check never does"));
}

TEST_CASE("run config: a bad value names its option", "[cli][run_config]") {
  const InProject project;
  CHECK(error_of("--float-tolerance plenty page.md").where == "--float-tolerance");
  CHECK(error_of("--options +NO_SUCH_DIRECTIVE page.md").where == "--options");
  // A folder that is no virtual environment of docnb's Python.
  const Error environment = error_of("--python-path " + project.path().string() + " page.md");
  CHECK(environment.where == "--python-path " + project.path().string());
  CHECK_THAT(environment.message, Catch::Contains("site-packages"));
}

TEST_CASE("run config: a bad sanitizer file names the file and line", "[cli][run_config]") {
  const InProject project;
  project.write("bad.cfg", "regex: (unclosed\nreplace: x\n");
  const Error error = error_of("--sanitize-with bad.cfg page.md");
  CHECK(error.where == "bad.cfg:1");
}

TEST_CASE("run config: times, flags, jobs and the cache from the command line",
          "[cli][run_config]") {
  const InProject project;
  const Result<RunConfig> config = config_of("--timeout 2.5 --interrupt-grace 1 "
                                             "--startup-timeout 30 --flag slow -j 3 "
                                             "--no-cache --shard 1/2 --lax page.md");
  REQUIRE(config.ok());
  CHECK(config->execute.cell_timeout == std::chrono::milliseconds(2500));
  CHECK(config->execute.interrupt_grace == std::chrono::seconds(1));
  CHECK(config->startup_timeout == std::chrono::seconds(30));
  CHECK(config->requirement_flags.contains("--slow"));
  CHECK(config->jobs == 3);
  CHECK_FALSE(config->use_cache);
  // A shard's durations are not the whole run's: they are not recorded.
  CHECK_FALSE(config->record_durations);
  CHECK(config->check.mode == check::CompareMode::lax);
  CHECK_FALSE(config->keep_cell_contents);
  CHECK(config_of("--json r.json page.md")->keep_cell_contents);
}

TEST_CASE("run config: the project's docnb.toml, overridden by the command line",
          "[cli][run_config]") {
  const InProject project("preload = [\"json\"]\nfork = false\ngallery_patterns = [\"plot_*.py\"]\n"
                          "txt_as_rst = true\nmax_output_action = \"warn\"\n");
  const Result<RunConfig> from_project = config_of("page.md");
  REQUIRE(from_project.ok());
  CHECK(from_project->preload == std::vector<std::string>{"json"});
  CHECK_FALSE(from_project->fork);
  CHECK(from_project->convert.gallery_patterns == std::vector<std::string>{"plot_*.py"});
  CHECK(from_project->convert.txt_as_rst);
  CHECK_FALSE(from_project->execute.fail_on_truncated_output);

  const Result<RunConfig> overridden =
      config_of("--preload numpy --max-output-action fail --gallery-pattern ex_*.py page.md");
  REQUIRE(overridden.ok());
  CHECK(overridden->preload == std::vector<std::string>{"numpy"});
  CHECK(overridden->execute.fail_on_truncated_output);
  CHECK(overridden->convert.gallery_patterns == std::vector<std::string>{"ex_*.py"});
}

TEST_CASE("run config: a project file of the wrong shape names itself", "[cli][run_config]") {
  const InProject project("fork = \"yes\"\n");
  CHECK_THAT(error_of("page.md").where, Catch::Contains("docnb.toml"));
}
