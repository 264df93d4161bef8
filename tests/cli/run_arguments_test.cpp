// `docnb run`'s options as CLI11 reads them: defaults, and values refused before anything runs.
#include "cli/run_arguments.hpp"
#include "cli_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb::cli;

namespace {

RunArguments parsed(const std::string& line) {
  auto args = std::make_shared<RunArguments>();
  docnb::testing::parse_options([&args](CLI::App& app) { add_run_options(app, args); }, line);
  return *args;
}

} // namespace

TEST_CASE("run options: defaults", "[cli][run_arguments]") {
  const RunArguments args = parsed("page.md");
  CHECK(args.paths == std::vector<std::filesystem::path>{"page.md"});
  CHECK(args.out_dir == "build/docnb");
  CHECK(args.startup_timeout == 60);
  CHECK(args.interrupt_grace == 5);
  CHECK(args.timeout == 0);
  CHECK(args.python == "/usr/bin/python3");
  CHECK(args.jobs >= 1);
  CHECK_FALSE(args.update);
  CHECK_FALSE(args.stdin_given);
}

TEST_CASE("run options: repeatable and comma-separated values", "[cli][run_arguments]") {
  const RunArguments args = parsed("--sanitize memory-address,uuid --flag a --flag b "
                                   "--skip-compare image/png --depends 'data/*.csv' x.md y.md");
  CHECK(args.sanitize_names == std::vector<std::string>{"memory-address", "uuid"});
  CHECK(args.flags == std::vector<std::string>{"a", "b"});
  CHECK(args.skip_compare == std::vector<std::string>{"image/png"});
  CHECK(args.depends == std::vector<std::string>{"data/*.csv"});
  CHECK(args.paths == std::vector<std::filesystem::path>{"x.md", "y.md"});
}

TEST_CASE("run options: values CLI11 refuses", "[cli][run_arguments]") {
  CHECK_THROWS_AS(parsed("--timeout -1 page.md"), CLI::ValidationError);
  CHECK_THROWS_AS(parsed("-j 0 page.md"), CLI::ValidationError);
  CHECK_THROWS_AS(parsed("--sanitize-with /nonexistent/rules.cfg page.md"), CLI::ValidationError);
  CHECK_THROWS_AS(parsed("--python-path /nonexistent/venv page.md"), CLI::ValidationError);
  CHECK_THROWS_AS(parsed("--max-output-action maybe page.md"), CLI::ValidationError);
  CHECK_THROWS_AS(parsed("--style numpy page.md"), CLI::ValidationError);
  CHECK_THROWS_AS(parsed("--html-source-url ftp://example.org/{path} page.md"),
                  CLI::ValidationError);
  CHECK_THROWS_AS(parsed("--no-such-option page.md"), CLI::ExtrasError);
}
