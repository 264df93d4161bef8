// `docnb run --list-json`: a JSON line per example a run would check, a JSON error line per
// source it could not read, and exit code 2 when there was one.
#include "cli/run_listing.hpp"
#include "cli_fixtures.hpp"

#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>

using namespace docnb;
using docnb::testing::InProject;

namespace {

// print_run_listing's exit code and what it printed on stdout, one JSON value a line.
std::pair<int, std::vector<Json>> listing(const std::vector<std::filesystem::path>& sources,
                                          const std::vector<Error>& problems,
                                          const RunConfig& config) {
  std::ostringstream captured;
  std::streambuf* const previous = std::cout.rdbuf(captured.rdbuf());
  const int code = cli::print_run_listing(sources, problems, config);
  std::cout.rdbuf(previous);
  std::vector<Json> lines;
  std::istringstream in(captured.str());
  for (std::string line; std::getline(in, line);)
    lines.push_back(Json::parse(line));
  return {code, lines};
}

} // namespace

TEST_CASE("run listing: one line per example, in source order", "[cli][listing]") {
  const InProject project;
  project.write("page.md", "```python\n1 + 1\n```\n\n```python\n2 + 2\n```\n");
  const auto [code, lines] = listing({"page.md"}, {}, RunConfig{});
  CHECK(code == 0);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["file"] == "page.md");
  // A block's example is at its first line of code.
  CHECK(lines[0]["line"] == 2);
  CHECK(lines[1]["line"] == 6);
}

TEST_CASE("run listing: unreadable sources and discovery problems are error lines, exit 2",
          "[cli][listing]") {
  const InProject project;
  project.write("page.md", "```python\n1 + 1\n```\n");
  const auto [code, lines] =
      listing({"missing.md", "page.md"}, {Error{"cannot read the folder", "docs"}}, RunConfig{});
  CHECK(code == 2);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == Json{{"file", "docs"}, {"error", "cannot read the folder"}, {"where", "docs"}});
  CHECK(lines[1]["file"] == "missing.md");
  CHECK(lines[1].contains("error"));
  // The readable source is listed all the same.
  CHECK(lines[2]["file"] == "page.md");
}

TEST_CASE("run listing: path::name:N lists only the named examples", "[cli][listing]") {
  const InProject project;
  project.write("calc.py", "def add(a, b):\n    \"\"\"\n    >>> add(1, 2)\n    3\n    \"\"\"\n\n\n"
                           "def sub(a, b):\n    \"\"\"\n    >>> sub(2, 1)\n    1\n    \"\"\"\n");
  RunConfig config;
  const auto [all_code, all] = listing({"calc.py"}, {}, config);
  CHECK(all_code == 0);
  CHECK(all.size() == 2);
  config.selected_examples[canonical_source("calc.py")] = {"sub:0"};
  const auto [code, lines] = listing({"calc.py"}, {}, config);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["id"] == "calc.py::sub:0");
}
