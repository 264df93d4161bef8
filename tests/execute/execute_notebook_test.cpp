// execute_cells on a real ipykernel: only the cells asked for run, a caller can stop the rest,
// a cell past its time limit is interrupted and the kernel goes on, skips never reach the
// kernel.
#include "../ipykernel_launch.hpp"
#include "../test_notebooks.hpp"
#include "client/kernel_start.hpp"
#include "execute/execute_notebook.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using testing::code;
using testing::Ipykernel;

namespace {

Notebook notebook_of(Json cells) {
  return testing::notebook_of("", std::move(cells));
}

std::string stdout_of(const Json& cell) {
  std::string text;
  for (const Json& output : cell["outputs"])
    if (output.value("output_type", "") == "stream" && output.value("name", "") == "stdout")
      text += output.value("text", "");
  return text;
}

} // namespace

TEST_CASE("execute_cells runs only the cells it is given", "[execute][kernel]") {
  Ipykernel ipykernel;
  const Json stale =
      Json::array({{{"output_type", "stream"}, {"name", "stdout"}, {"text", "old\n"}}});
  Notebook notebook = notebook_of(
      Json::array({code("a = 1"), code("a = 2\nprint('second')", stale), code("print(a)")}));
  notebook.cells()[1]["execution_count"] = 7;
  const std::vector<std::size_t> cells = {0, 2};
  const NotebookRun run = execute_cells(notebook, cells, *ipykernel.kernel, ExecuteOptions{});
  REQUIRE(run.cells.size() == 2);
  CHECK(run.cells[0].index == 0);
  CHECK(run.cells[1].index == 2);
  CHECK(run.cells[1].status == CellStatus::ok);
  // Cell 1 never ran: `a` is still 1, and its stored outputs and count are left as they were.
  CHECK(stdout_of(run.notebook.cells()[2]) == "1\n");
  CHECK(run.notebook.cells()[1]["outputs"] == stale);
  CHECK(run.notebook.cells()[1]["execution_count"] == 7);
  CHECK_FALSE(run.kernel_lost);
  // The executed notebook says which language ran it.
  CHECK(run.notebook.document["metadata"]["language_info"]["name"] == "python");
}

TEST_CASE("an OnCell that returns false leaves the later cells not run", "[execute][kernel]") {
  Ipykernel ipykernel;
  Notebook notebook = notebook_of(
      Json::array({code("print('one')"), code("print('two')"), code("print('three')")}));
  std::vector<std::size_t> seen;
  const OnCell stop_after_first = [&seen](const Json&, const CellRun& run) {
    seen.push_back(run.index);
    return false;
  };
  const NotebookRun run =
      execute_notebook(notebook, *ipykernel.kernel, ExecuteOptions{}, stop_after_first);
  REQUIRE(run.cells.size() == 3);
  CHECK(run.cells[0].status == CellStatus::ok);
  for (std::size_t i = 1; i < 3; ++i) {
    CHECK(run.cells[i].status == CellStatus::not_run);
    CHECK(run.cells[i].reason == "not run: the notebook stopped at its first failure");
    CHECK(stdout_of(run.notebook.cells()[i]).empty());
  }
  // Every cell is reported to OnCell, the ones not run included.
  CHECK(seen == std::vector<std::size_t>{0, 1, 2});
  CHECK_FALSE(run.kernel_lost);
}

TEST_CASE("a cell past its time limit is interrupted and the kernel runs the next",
          "[execute][kernel]") {
  Ipykernel ipykernel;
  Notebook notebook =
      notebook_of(Json::array({code("import time\nprint('started', flush=True)\ntime.sleep(600)"),
                               code("print('after')")}));
  ExecuteOptions options;
  options.cell_timeout = std::chrono::seconds(2);
  const NotebookRun run = execute_notebook(notebook, *ipykernel.kernel, options);
  REQUIRE(run.cells.size() == 2);
  CHECK(run.cells[0].status == CellStatus::timed_out);
  CHECK_THAT(run.cells[0].reason, Catch::Contains("timed out after"));
  CHECK_THAT(run.cells[0].reason, Catch::Contains("interrupted"));
  // What it printed before the interrupt is kept.
  CHECK_THAT(stdout_of(run.notebook.cells()[0]), Catch::StartsWith("started\n"));
  CHECK(run.cells[1].status == CellStatus::ok);
  CHECK(stdout_of(run.notebook.cells()[1]) == "after\n");
  CHECK_FALSE(run.kernel_lost);
}

TEST_CASE("skipped and blank cells are never sent; stdin answers input()", "[execute][kernel]") {
  Ipykernel ipykernel;
  Notebook notebook = notebook_of(Json::array(
      {code("x = 'ran'"), code("x = 'skipped'"), code("  \n"), code("print(x, input())")}));
  ExecuteOptions options;
  options.stdin_text = "typed\n";
  options.skip_cell = [](std::size_t index, const Json&,
                         const EvaluateInKernel&) -> std::optional<std::string> {
    if (index == 1) return "told to";
    return std::nullopt;
  };
  const NotebookRun run = execute_notebook(notebook, *ipykernel.kernel, options);
  REQUIRE(run.cells.size() == 4);
  CHECK(run.cells[1].status == CellStatus::skipped);
  CHECK(run.cells[1].reason == "told to");
  CHECK(run.notebook.cells()[1]["execution_count"].is_null());
  CHECK(run.cells[2].status == CellStatus::skipped);
  CHECK(run.cells[2].reason == empty_cell_reason);
  CHECK(run.cells[3].status == CellStatus::ok);
  CHECK(stdout_of(run.notebook.cells()[3]) == "ran typed\n");
}

TEST_CASE("an error fails its cell and the next cells still run", "[execute][kernel]") {
  Ipykernel ipykernel;
  Notebook notebook = notebook_of(Json::array({code("raise ValueError('bad')"), code("1 + 1")}));
  const NotebookRun run = execute_notebook(notebook, *ipykernel.kernel, ExecuteOptions{});
  REQUIRE(run.cells.size() == 2);
  CHECK(run.cells[0].status == CellStatus::error);
  CHECK(run.cells[0].reply_error);
  CHECK(run.cells[0].reason == "ValueError: bad");
  CHECK(run.cells[1].status == CellStatus::ok);
  CHECK(run.notebook.cells()[1]["outputs"][0]["data"]["text/plain"] == "2");
}
