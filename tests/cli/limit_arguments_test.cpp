// The bounds of a run: the command line over the project's docnb.toml over the defaults.
#include "cli/limit_arguments.hpp"
#include "cli_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::cli;

namespace {

RunConfig limited(const std::string& line, const ProjectConfig& project = {}) {
  LimitArguments args;
  testing::parse_options([&args](CLI::App& app) { add_limit_options(app, args); }, line);
  RunConfig config;
  apply_limits(args, project, config);
  return config;
}

} // namespace

TEST_CASE("limits: the defaults bound output and fail its cell", "[cli][limits]") {
  const RunConfig config = limited("");
  CHECK(config.execute.max_output_bytes == default_max_output_bytes);
  CHECK(config.execute.fail_on_truncated_output);
  CHECK(config.shutdown_grace == std::chrono::seconds(3));
}

TEST_CASE("limits: the project's values, and the command line's over them", "[cli][limits]") {
  ProjectConfig project;
  project.max_output_bytes = 1000;
  project.max_output_action = "warn";
  const RunConfig from_project = limited("", project);
  CHECK(from_project.execute.max_output_bytes == 1000);
  CHECK_FALSE(from_project.execute.fail_on_truncated_output);

  const RunConfig overridden =
      limited("--max-output-bytes 0 --max-output-action fail --shutdown-grace 0.5", project);
  CHECK(overridden.execute.max_output_bytes == 0);
  CHECK(overridden.execute.fail_on_truncated_output);
  CHECK(overridden.shutdown_grace == std::chrono::milliseconds(500));
}

TEST_CASE("limits: an unknown action or a grace of no time is refused", "[cli][limits]") {
  CHECK_THROWS_AS(limited("--max-output-action ignore"), CLI::ValidationError);
  CHECK_THROWS_AS(limited("--shutdown-grace 0"), CLI::ValidationError);
  CHECK_THROWS_AS(limited("--max-output-bytes lots"), CLI::ConversionError);
}
