// The options in force for each cell of a text source: block directives carried through one
// example and no further, inline ones for their cell alone, skips, requirements and the
// namespace cell of an example whose parts are all skipped.
#include "../test_notebooks.hpp"
#include "check/doctest_plan.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::check;
using namespace docnb::testing;

namespace {

// Part `number` of example `name` of "mod.py", with the example's own options when given.
Json part_with_options(const std::string& source, const std::string& name, std::size_t number,
                       int line, const std::string& options) {
  Json cell = docstring_part(source, name, number, std::nullopt, line);
  SourceMap map = *source_map_of(cell);
  map.options = options;
  set_source_map(cell, map);
  return cell;
}

Json with_role(Json cell, CellRole role) {
  SourceMap map = *source_map_of(cell);
  map.role = role;
  set_source_map(cell, map);
  return cell;
}

const CellDoctest& planned(const DoctestPlan& plan, std::size_t index) {
  REQUIRE(index < plan.cells.size());
  REQUIRE(plan.cells[index]);
  return *plan.cells[index];
}

} // namespace

TEST_CASE("a block directive holds for the later parts of its example only", "[doctest_plan]") {
  const Notebook notebook = notebook_of(
      "mod.py", Json::array({docstring_part("# doctest: -ELLIPSIS\nx = 1", "f:0", 0, {}, 3),
                             docstring_part("x", "f:0", 1, "1", 5),
                             docstring_part("y = 2", "g:0", 0, {}, 9)}));
  const DoctestPlan plan = plan_of(notebook);
  CHECK_FALSE(planned(plan, 0).options.ellipsis);
  CHECK_FALSE(planned(plan, 1).options.ellipsis);
  // A new example starts from xdoctest's defaults.
  CHECK(planned(plan, 2).options.ellipsis);
  CHECK(plan.warnings.empty());
}

TEST_CASE("an inline directive holds for its own cell only", "[doctest_plan]") {
  const Notebook notebook = notebook_of(
      "mod.py",
      Json::array({docstring_part("x = 1  # doctest: +IGNORE_WHITESPACE", "f:0", 0, {}, 3),
                   docstring_part("x", "f:0", 1, "1", 4)}));
  const DoctestPlan plan = plan_of(notebook);
  CHECK(planned(plan, 0).options.ignore_whitespace);
  CHECK_FALSE(planned(plan, 1).options.ignore_whitespace);
}

TEST_CASE("an example's options seed it; bad ones fail it, unknown ones warn once",
          "[doctest_plan]") {
  const Notebook notebook = notebook_of(
      "mod.py", Json::array({part_with_options("1", "f:0", 0, 3, "+FLOAT_CMP, +NO_SUCH"),
                             part_with_options("2", "g:0", 0, 7, "+FLOAT_CMP, +NO_SUCH"),
                             part_with_options("3", "h:0", 0, 11, "+TIMEOUT(soon)"),
                             part_with_options("4", "k:0", 0, 15, "+(")}));
  const DoctestPlan plan = plan_of(notebook);
  CHECK(planned(plan, 0).options.float_cmp);
  CHECK(planned(plan, 1).options.float_cmp);
  REQUIRE(plan.warnings.size() == 1);
  CHECK_THAT(plan.warnings[0], Catch::StartsWith("mod.py:3: options \"+FLOAT_CMP, +NO_SUCH\""));
  CHECK(planned(plan, 2).invalid.has_value());
  REQUIRE(planned(plan, 3).invalid.has_value());
  CHECK_THAT(*planned(plan, 3).invalid, Catch::StartsWith("bad options: "));
}

TEST_CASE("SKIP and unmet REQUIRES skip a cell; a malformed directive fails it", "[doctest_plan]") {
  const Notebook notebook = notebook_of(
      "page.md", Json::array({block("x = 1  # doctest: +SKIP", 1),
                              block("import torch  # xdoctest: +REQUIRES(module:torch)", 5),
                              block("y = 2  # doctest: +TIMEOUT(x)", 9), block("z = 3", 13),
                              markdown("text"), code("notebook cell")}));
  const DoctestPlan with_modules = plan_of(notebook, true);
  CHECK(planned(with_modules, 0).skip.has_value());
  CHECK_FALSE(planned(with_modules, 1).skip);
  CHECK(planned(with_modules, 2).invalid.has_value());
  CHECK_FALSE(planned(with_modules, 2).skip);
  CHECK_FALSE(planned(with_modules, 3).skip);
  CHECK_FALSE(planned(with_modules, 3).invalid);
  // Cells that are not code of a text source have no plan.
  CHECK_FALSE(with_modules.cells[4]);
  CHECK_FALSE(with_modules.cells[5]);

  const DoctestPlan without_modules = plan_of(notebook, false);
  REQUIRE(planned(without_modules, 1).skip.has_value());
  CHECK(*planned(without_modules, 1).skip == "REQUIRES(module:torch) is not met");
}

TEST_CASE("a converter's skip marker wins over the cell's directives", "[doctest_plan]") {
  Json cell = block("x = 1  # doctest: +TIMEOUT(x)", 3);
  SourceMap map = *source_map_of(cell);
  map.skip = "skipped by a marker";
  set_source_map(cell, map);
  const DoctestPlan plan = plan_of(notebook_of("page.md", Json::array({cell})));
  CHECK(planned(plan, 0).skip == "skipped by a marker");
}

TEST_CASE("the namespace cell is skipped when every part of its example is", "[doctest_plan]") {
  const Json skipped_namespace =
      with_role(docstring_part("import mod", "f:0", 0, {}, 1), CellRole::example_namespace);
  const Json running_namespace =
      with_role(docstring_part("import mod", "g:0", 0, {}, 1), CellRole::example_namespace);
  const Notebook notebook = notebook_of(
      "mod.py",
      Json::array({skipped_namespace, docstring_part("x = 1  # doctest: +SKIP", "f:0", 0, {}, 3),
                   docstring_part("# only a comment", "f:0", 1, {}, 4), running_namespace,
                   docstring_part("y = 2", "g:0", 0, {}, 8)}));
  const DoctestPlan plan = plan_of(notebook);
  CHECK(planned(plan, 0).skip == "every part of the example is skipped");
  CHECK_FALSE(planned(plan, 3).skip);
}

TEST_CASE("directive typos are warned of at their file and line", "[doctest_plan]") {
  Notebook notebook = notebook_of(
      "page.md", Json::array({block("x = 1\n# doctest: +ELIPSIS", 10), code("# xdoctest: +SKPI")}));
  const std::vector<std::string> warnings = directive_warnings(notebook);
  REQUIRE(warnings.size() == 2);
  CHECK_THAT(warnings[0], Catch::StartsWith("page.md:11: "));
  CHECK_THAT(warnings[1], Catch::StartsWith("page.md: cell 1: "));
  CHECK_THAT(warnings[1], Catch::Contains("SKIP"));
  CHECK(plan_of(notebook).warnings == warnings);
}

TEST_CASE("a part of only comments and directives counts as skipped", "[doctest_plan]") {
  CHECK(is_comment_only_part(docstring_part("# a comment\n  # doctest: +SKIP\n", "f:0", 0, {}, 1)));
  CHECK_FALSE(is_comment_only_part(docstring_part("# a comment\nx = 1", "f:0", 0, {}, 1)));
  // Notebook cells and hidden cells are never parts.
  CHECK_FALSE(is_comment_only_part(code("# a comment")));
  CHECK_FALSE(
      is_comment_only_part(with_role(docstring_part("# setup", "f:0", 0, {}, 1), CellRole::setup)));
}
