#include "../ipykernel_launch.hpp"
#include "../test_notebooks.hpp"
#include "converters/markdown.hpp"
#include "engine/execute_units.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

Notebook page(const std::string& text) {
  auto converted = converters::read_markdown(text, "page.md");
  REQUIRE(converted);
  return converted->notebook;
}

// Each unit as the first lines of its cells.
std::vector<std::vector<int>> unit_lines(const Notebook& notebook) {
  std::vector<std::vector<int>> lines;
  for (const ExecutionUnit& unit :
       execution_units(notebook, converters::SourceKind::markdown, {})) {
    auto& unit_lines = lines.emplace_back();
    for (const std::size_t index : unit)
      unit_lines.push_back(source_map_of(notebook.cells().at(index))->line);
  }
  return lines;
}

} // namespace

TEST_CASE("execution units: a page without groups is one unit", "[engine][units]") {
  const Notebook notebook = page("```python\na = 1\n```\n\n```pycon\n>>> a\n1\n```\n");
  CHECK_FALSE(has_groups(notebook));
  CHECK(unit_lines(notebook) == std::vector<std::vector<int>>{{2, 6}});
}

TEST_CASE("execution units: each doctest group is a unit, setup first and cleanup last",
          "[engine][units]") {
  const Notebook notebook = page("```{testcleanup} g1\n" // 1
                                 "del x\n"               // 2
                                 "```\n"                 // 3
                                 "```python\n"           // 4
                                 "plain = 1\n"           // 5
                                 "```\n"                 // 6
                                 "```{doctest} g2\n"     // 7
                                 ">>> 2\n"               // 8
                                 "2\n"                   // 9
                                 "```\n"                 // 10
                                 "```{doctest} g1\n"     // 11
                                 ">>> x\n"               // 12
                                 "1\n"                   // 13
                                 "```\n"                 // 14
                                 "```{testsetup} g1\n"   // 15
                                 "x = 1\n"               // 16
                                 "```\n");               // 17
  CHECK(has_groups(notebook));
  // Page cells of no group first; then the groups as they first appear on the page.
  CHECK(unit_lines(notebook) == std::vector<std::vector<int>>{{5}, {16, 12, 2}, {8}});
}

// A source's cells as units: a notebook is one, a docstring module's examples one each, so an
// example that kills its kernel costs that example alone.

using testing::docstring_part;
using testing::ipykernel_launch;
using testing::plan_of;

namespace {

Notebook notebook_of(Json cells) {
  return testing::notebook_of("mod.py", std::move(cells));
}

// Runs a docstring module's examples as units on ipykernel, the first on `first` (a warm
// ipykernel when not given).
check::JudgedRun run_units(const Notebook& module, std::optional<KernelStart> first = {},
                           const ExecuteOptions& options = {}) {
  const check::DoctestPlan plan = plan_of(module);
  const auto units = execution_units(module, converters::SourceKind::docstring, {});
  TempDir runtime = TempDir::create("docnb-test").value();
  KernelHost host;
  const KernelLaunch launch = ipykernel_launch(runtime.path());
  KernelReaper reaper(std::chrono::seconds(5));
  const check::CheckOptions check_options;
  check::CellJudge judge(module, check_options, plan);
  UnitKernels kernels{first ? std::move(*first) : WarmKernel(launch, host).take(), launch, host,
                      reaper};
  return execute_units(module, units, std::move(kernels), options, judge, {});
}

} // namespace

TEST_CASE("a docstring module's examples are units of their own", "[execute_units]") {
  const Notebook module = notebook_of(Json::array(
      {docstring_part("a = 1", "f:0", 0, std::nullopt, 3), docstring_part("a", "f:0", 1, "1", 4),
       testing::markdown("x"), docstring_part("b = 2", "g:0", 0, std::nullopt, 9),
       docstring_part("c = 3", "h:0", 0, std::nullopt, 12)}));
  const auto units = execution_units(module, converters::SourceKind::docstring, {});
  CHECK(units == std::vector<ExecutionUnit>{{0, 1}, {3}, {4}});
  // Examples served from the cache are left out.
  const check::ExampleIds cached = {ExampleId::named("mod.py", "g:0")};
  CHECK(execution_units(module, converters::SourceKind::docstring, cached) ==
        std::vector<ExecutionUnit>{{0, 1}, {4}});
  // Any other source is one unit: its cells share their state.
  CHECK(execution_units(module, converters::SourceKind::markdown, {}) ==
        std::vector<ExecutionUnit>{{0, 1, 3, 4}});
  // A source without code cells has no unit, not an empty one.
  CHECK(execution_units(notebook_of(Json::array()), converters::SourceKind::notebook, {}).empty());
}

TEST_CASE("an example that kills its kernel leaves the next example a fresh kernel",
          "[execute_units][kernel]") {
  const Notebook module = notebook_of(
      Json::array({docstring_part("import os\nprint(os.getpid())", "f:0", 0, std::nullopt, 3),
                   docstring_part("os._exit(1)", "f:0", 1, std::nullopt, 4),
                   docstring_part("print('never')", "f:0", 2, "never", 5),
                   docstring_part("import os\nprint('alive')", "g:0", 0, "alive", 9),
                   docstring_part("print(os.getpid())", "g:0", 1, std::nullopt, 10)}));
  REQUIRE(execution_units(module, converters::SourceKind::docstring, {}).size() == 2);
  const check::JudgedRun judged = run_units(module);

  REQUIRE(judged.verdicts.size() == 5);
  CHECK(judged.verdicts[0].outcome == Outcome::passed);
  CHECK(judged.verdicts[1].outcome == Outcome::failed);
  CHECK(judged.run.cells[1].status == CellStatus::kernel_died);
  CHECK(judged.run.cells[2].status == CellStatus::not_run);
  CHECK(judged.verdicts[2].outcome == Outcome::failed);
  // The next example ran on another kernel, and passed.
  CHECK(judged.verdicts[3].outcome == Outcome::passed);
  CHECK(judged.verdicts[4].outcome == Outcome::passed);
  const auto pid = [&](std::size_t index) {
    return judged.run.notebook.cells()[index]["outputs"][0].value("text", "");
  };
  CHECK_FALSE(pid(0).empty());
  CHECK_FALSE(pid(4).empty());
  CHECK(pid(0) != pid(4));
  CHECK(judged.run.kernel_lost);
}

TEST_CASE("a kernel that did not start leaves its unit not run, with the reason",
          "[execute_units]") {
  const Notebook module =
      notebook_of(Json::array({docstring_part("x = 1", "f:0", 0, std::nullopt, 3)}));
  const check::JudgedRun judged = run_units(module, KernelStart(Error{"no such kernel", "here"}));
  REQUIRE(judged.verdicts.size() == 1);
  CHECK(judged.run.cells[0].status == CellStatus::not_run);
  CHECK(judged.verdicts[0].failed());
  CHECK_THAT(judged.verdicts[0].reason, Catch::StartsWith("kernel did not start: "));
  CHECK_THAT(judged.verdicts[0].reason, Catch::Contains("no such kernel"));
  CHECK(judged.run.kernel_lost);
}

TEST_CASE("the options' prelude runs once per kernel, not once per example",
          "[execute_units][kernel]") {
  const std::string count = "__import__('builtins').__dict__";
  ExecuteOptions options;
  options.prelude = count + ".__setitem__('preludes', " + count + ".get('preludes', 0) + 1)";
  options.code_for = [](const Json& cell) { return cell.value("source", ""); };
  const Notebook module =
      notebook_of(Json::array({docstring_part("a = 1", "f:0", 0, std::nullopt, 3),
                               docstring_part("b = 2", "g:0", 0, std::nullopt, 6),
                               docstring_part("print(preludes)", "h:0", 0, "1", 9)}));
  REQUIRE(execution_units(module, converters::SourceKind::docstring, {}).size() == 3);
  const check::JudgedRun judged = run_units(module, std::nullopt, options);
  REQUIRE(judged.verdicts.size() == 3);
  // Three examples on one kernel: the prelude was evaluated before the first alone.
  CHECK(judged.run.notebook.cells()[2]["outputs"][0].value("text", "") == "1\n");
  CHECK(judged.verdicts[2].outcome == Outcome::passed);
}
