// A source's first stages: read and converted once, its selected examples kept (a name that
// is no example of it refused), its cells planned with the converter's warnings first.
#include "../test_notebooks.hpp"
#include "engine/planned_source.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb;
using namespace docnb::testing;
namespace fs = std::filesystem;

namespace {

using Names = std::set<std::string, std::less<>>;

// A docstring module's notebook: example f:0 in two parts, then g:0.
converters::Converted module_source() {
  converters::Converted source;
  source.kind = converters::SourceKind::docstring;
  source.notebook = notebook_of(
      "mod.py",
      Json::array({docstring_part("x = 1", "f:0", 0, {}, 3), docstring_part("x", "f:0", 1, "1", 4),
                   docstring_part("y = 2  # doctest: +ELIPSIS", "g:0", 0, {}, 9)}));
  source.warnings = {"mod.py:1: from the converter"};
  return source;
}

check::RequirementContext no_requirements() {
  check::RequirementContext context;
  context.module_available = [](const std::string&) { return true; };
  context.environment = [](const std::string&) { return std::nullopt; };
  return context;
}

} // namespace

TEST_CASE("planned source: the example names of a module, once each, in order",
          "[engine][planned_source]") {
  CHECK(example_names(module_source()) == std::vector<std::string>{"f:0", "g:0"});
  converters::Converted page;
  page.notebook = notebook_of("page.md", Json::array({block("1", 1), block("2", 5)}));
  CHECK(example_names(page).empty());
}

TEST_CASE("planned source: every cell when nothing is selected, converter warnings first",
          "[engine][planned_source]") {
  const Result<PlannedSource> planned = plan_source(module_source(), nullptr, no_requirements());
  REQUIRE(planned.ok());
  CHECK(planned->source.notebook.cells().size() == 3);
  REQUIRE(planned->plan.cells.size() == 3);
  REQUIRE(planned->plan.warnings.size() == 2);
  CHECK(planned->plan.warnings[0] == "mod.py:1: from the converter");
  CHECK_THAT(planned->plan.warnings[1], Catch::StartsWith("mod.py:9: "));
}

TEST_CASE("planned source: only the selected examples stay; an unknown name is an error",
          "[engine][planned_source]") {
  const Names selected{"f:0"};
  const Result<PlannedSource> planned = plan_source(module_source(), &selected, no_requirements());
  REQUIRE(planned.ok());
  CHECK(planned->source.notebook.cells().size() == 2);
  CHECK(planned->plan.cells.size() == 2);

  const Names unknown{"f:0", "h:0"};
  const Result<PlannedSource> refused = plan_source(module_source(), &unknown, no_requirements());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().where == "mod.py");
  CHECK_THAT(refused.error().message, Catch::StartsWith("no example h:0 here"));
}

TEST_CASE("planned source: a file is read and converted", "[engine][planned_source]") {
  const TempDir dir = TempDir::create("docnb-planned").value();
  std::ofstream(dir.path() / "page.md") << "```python\n1 + 1\n```\n";
  RunConfig config;
  config.project_root = dir.path();
  const Result<converters::Converted> read =
      read_and_convert(dir.path() / "page.md", config, nullptr);
  REQUIRE(read.ok());
  CHECK(read->kind == converters::SourceKind::markdown);
  CHECK(read->original == "```python\n1 + 1\n```\n");
  REQUIRE_FALSE(read->notebook.cells().empty());
  CHECK(read->notebook.cells().back()["source"] == "1 + 1");
  const Result<converters::Converted> missing =
      read_and_convert(dir.path() / "missing.md", config, nullptr);
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error().where, Catch::Contains("missing.md"));
}
