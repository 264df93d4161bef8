// Which cells run, decided as each is reached: the doctest plan, `:skipif:` in the kernel, the
// parts after a failing one, nbval's markers; and the run of a source none of whose cells
// needs a kernel.
#include "../test_notebooks.hpp"
#include "check/cell_skips.hpp"
#include "notebook/source_map.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::check;
using docnb::testing::code;

namespace {

Json block(const std::string& source, const ExampleId& example, int line,
           std::optional<std::string> skipif = {}) {
  Json cell = testing::mapped(source, example, line);
  SourceMap map = *source_map_of(cell);
  map.skipif = std::move(skipif);
  set_source_map(cell, map);
  return cell;
}

Notebook notebook_of(Json cells) {
  return testing::notebook_of("page.rst", std::move(cells));
}

// No module is installed: REQUIRES(module:...) is never met.
DoctestPlan plan_of(const Notebook& notebook) {
  return testing::plan_of(notebook, false);
}

// A kernel that answers every expression with `answer`, and records what it was asked.
struct FakeEvaluation {
  explicit FakeEvaluation(Result<std::string> answer_ = std::string("False"))
      : answer(std::move(answer_)) {}
  Result<std::string> answer;
  std::vector<std::string> asked;
  EvaluateInKernel function() {
    return [this](const std::string& expression) -> Result<std::string> {
      asked.push_back(expression);
      return answer;
    };
  }
};

} // namespace

TEST_CASE("the plan's skips and bad directives keep a text cell from running", "[cell_skips]") {
  const ExampleId first = ExampleId::line("page.rst", 3);
  const Notebook notebook = notebook_of(Json::array(
      {block("x = 1  # doctest: +SKIP", first, 3),
       block("import nope  # doctest: +REQUIRES(module:nope)", ExampleId::line("page.rst", 5), 5),
       block("x = 1  # doctest: +TIMEOUT(x)", ExampleId::line("page.rst", 7), 7),
       block("x = 1", ExampleId::line("page.rst", 9), 9)}));
  const DoctestPlan plan = plan_of(notebook);
  std::vector<std::string> warnings;
  const ExampleIds ended;
  const ExecuteOptions options = cell_execution_options(ExecuteOptions{}, CompareMode::strict, plan,
                                                        ended, "page.rst", warnings);
  FakeEvaluation kernel;
  const Json& cells = notebook.cells();
  CHECK(options.skip_cell(0, cells[0], kernel.function()).has_value());
  const auto requires_skip = options.skip_cell(1, cells[1], kernel.function());
  REQUIRE(requires_skip);
  CHECK(requires_skip->find("REQUIRES(module:nope)") != std::string::npos);
  const auto bad = options.skip_cell(2, cells[2], kernel.function());
  REQUIRE(bad);
  CHECK(bad->starts_with("bad directive: "));
  CHECK_FALSE(options.skip_cell(3, cells[3], kernel.function()));
  // Nothing was asked of the kernel for cells without `:skipif:`.
  CHECK(kernel.asked.empty());
}

TEST_CASE(":skipif: is evaluated in the kernel; one that raises warns and runs the block",
          "[cell_skips]") {
  const Notebook notebook = notebook_of(
      Json::array({block("x = 1", ExampleId::line("page.rst", 12), 12, "sys.platform == 'x'")}));
  const DoctestPlan plan = plan_of(notebook);
  std::vector<std::string> warnings;
  const ExampleIds ended;
  const ExecuteOptions options = cell_execution_options(ExecuteOptions{}, CompareMode::strict, plan,
                                                        ended, "docs/page.rst", warnings);
  const Json& cell = notebook.cells()[0];

  FakeEvaluation skip(std::string("True"));
  const auto reason = options.skip_cell(0, cell, skip.function());
  REQUIRE(reason);
  CHECK(*reason == ":skipif: sys.platform == 'x'");
  REQUIRE(skip.asked.size() == 1);
  CHECK(skip.asked[0] == "bool(sys.platform == 'x')");

  FakeEvaluation run(std::string("False"));
  CHECK_FALSE(options.skip_cell(0, cell, run.function()));
  CHECK(warnings.empty());

  FakeEvaluation raises(Error{"NameError: name 'sys' is not defined", ""});
  CHECK_FALSE(options.skip_cell(0, cell, raises.function()));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].starts_with("docs/page.rst:12: :skipif: sys.platform == 'x' raised "));
  CHECK(warnings[0].find("NameError") != std::string::npos);
  CHECK(warnings[0].ends_with("; the block runs"));
}

TEST_CASE("the parts after a failing one are not run; other examples are", "[cell_skips]") {
  const ExampleId failing = ExampleId::named("mod.py", "f:0");
  const Notebook notebook = notebook_of(
      Json::array({block("f()", failing, 3), block("g()", ExampleId::named("mod.py", "g:0"), 8)}));
  const DoctestPlan plan = plan_of(notebook);
  std::vector<std::string> warnings;
  ExampleIds ended;
  const ExecuteOptions options = cell_execution_options(ExecuteOptions{}, CompareMode::strict, plan,
                                                        ended, "mod.py", warnings);
  FakeEvaluation kernel;
  CHECK_FALSE(options.skip_cell(0, notebook.cells()[0], kernel.function()));
  // The options hold `ended` by reference: an example that fails later is seen.
  ended.insert(failing);
  CHECK(options.skip_cell(0, notebook.cells()[0], kernel.function()) ==
        std::optional<std::string>("not run: an earlier part of this example failed"));
  CHECK_FALSE(options.skip_cell(1, notebook.cells()[1], kernel.function()));
}

TEST_CASE("nbval's markers skip notebook cells; timeouts come from the plan", "[cell_skips]") {
  const Notebook notebook = notebook_of(
      Json::array({code("# NBVAL_SKIP\n1/0"), code("x = 1"),
                   block("# doctest: +TIMEOUT(3)\nx = 1", ExampleId::line("page.rst", 4), 4)}));
  const DoctestPlan plan = plan_of(notebook);
  std::vector<std::string> warnings;
  const ExampleIds ended;
  ExecuteOptions base;
  base.cell_timeout = std::chrono::seconds(60);
  const ExecuteOptions options =
      cell_execution_options(base, CompareMode::strict, plan, ended, "nb.ipynb", warnings);
  FakeEvaluation kernel;
  CHECK(options.skip_cell(0, notebook.cells()[0], kernel.function()) ==
        std::optional<std::string>("skipped"));
  CHECK_FALSE(options.skip_cell(1, notebook.cells()[1], kernel.function()));
  CHECK(options.cell_timeout == base.cell_timeout);
  CHECK_FALSE(options.cell_timeout_for(1));
  CHECK(options.cell_timeout_for(2) == std::optional<std::chrono::milliseconds>(3000));
  // An index past the plan (a cell added after planning) has no plan to consult.
  CHECK_FALSE(options.cell_timeout_for(99));
}

TEST_CASE("a source none of whose cells runs needs no kernel", "[cell_skips]") {
  const Notebook notebook = notebook_of(
      Json::array({code("   \n"), code("# NBVAL_SKIP\n1/0"), testing::markdown("text"),
                   block("x = 1  # doctest: +SKIP", ExampleId::line("page.rst", 9), 9)}));
  const DoctestPlan plan = plan_of(notebook);
  std::vector<std::string> warnings;
  const ExampleIds ended;
  const ExecuteOptions options = cell_execution_options(ExecuteOptions{}, CompareMode::strict, plan,
                                                        ended, "page.rst", warnings);
  const std::optional<NotebookRun> run = run_without_kernel(notebook, options);
  REQUIRE(run);
  REQUIRE(run->cells.size() == 3);
  CHECK(run->cells[0].index == 0);
  CHECK(run->cells[0].reason == empty_cell_reason);
  CHECK(run->cells[1].index == 1);
  CHECK(run->cells[1].reason == "skipped");
  CHECK(run->cells[2].index == 3);
  for (const CellRun& cell : run->cells)
    CHECK(cell.status == CellStatus::skipped);
  CHECK_FALSE(run->kernel_lost);
}

TEST_CASE("one cell that runs, or a :skipif:, needs a kernel", "[cell_skips]") {
  std::vector<std::string> warnings;
  const ExampleIds ended;
  const Notebook runs = notebook_of(Json::array({code(""), code("x = 1")}));
  const DoctestPlan runs_plan = plan_of(runs);
  CHECK_FALSE(
      run_without_kernel(runs, cell_execution_options(ExecuteOptions{}, CompareMode::strict,
                                                      runs_plan, ended, "nb.ipynb", warnings)));
  // A `:skipif:` can only be decided in the kernel, even on a cell the plan would skip.
  const Notebook skipif = notebook_of(
      Json::array({block("x = 1  # doctest: +SKIP", ExampleId::line("page.rst", 2), 2, "True")}));
  const DoctestPlan skipif_plan = plan_of(skipif);
  CHECK_FALSE(
      run_without_kernel(skipif, cell_execution_options(ExecuteOptions{}, CompareMode::strict,
                                                        skipif_plan, ended, "page.rst", warnings)));
}
