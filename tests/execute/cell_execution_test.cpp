// One cell's run in a real ipykernel: its outputs, execution count and timing stamps, an
// error reply, input() with and without stdin, and expressions evaluated out of band.
#include "../ipykernel_launch.hpp"
#include "../test_notebooks.hpp"
#include "execute/cell_execution.hpp"
#include "execute/output_assembler.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using testing::code;
using testing::Ipykernel;

namespace {

// `source` run as cell 0 of a notebook of its own; the cell as it ends up, and how it ran.
std::pair<Json, CellRun> run_cell(KernelConnection& kernel, const std::string& source,
                                  const ExecuteOptions& options = ExecuteOptions{}) {
  Json cells = Json::array({code(source)});
  OutputAssembler assembler(cells);
  assembler.start_cell(0);
  bool kernel_lost = false;
  const CellRun run = execute_cell(kernel, options, assembler, cells[0], 0, kernel_lost);
  assembler.finish_cell();
  CHECK_FALSE(kernel_lost);
  return {cells[0], run};
}

} // namespace

TEST_CASE("cell execution: outputs, execution count and timing stamps", "[execute][kernel]") {
  Ipykernel ipykernel;
  const auto [cell, run] = run_cell(*ipykernel.kernel, "print('hi')\n6 * 7");
  CHECK(run.status == CellStatus::ok);
  CHECK(run.index == 0);
  CHECK_FALSE(run.reply_error);
  testing::check_printed_hi_then(cell, "42");
  // The next cell counts on.
  CHECK(run_cell(*ipykernel.kernel, "1").first["execution_count"] == 2);
}

TEST_CASE("cell execution: an error reply fails the cell with the error's name",
          "[execute][kernel]") {
  Ipykernel ipykernel;
  const auto [cell, run] = run_cell(*ipykernel.kernel, "raise KeyError('k')");
  CHECK(run.status == CellStatus::error);
  CHECK(run.reply_error);
  CHECK_THAT(run.reason, Catch::Contains("KeyError"));
  REQUIRE(cell["outputs"].size() == 1);
  CHECK(cell["outputs"][0]["ename"] == "KeyError");
}

TEST_CASE("cell execution: input() is answered from stdin, or fails without it",
          "[execute][kernel]") {
  Ipykernel ipykernel;
  ExecuteOptions with_stdin;
  with_stdin.stdin_text = "first\nsecond\n";
  const auto [answered, ok] =
      run_cell(*ipykernel.kernel, "print(input() + '/' + input())", with_stdin);
  CHECK(ok.status == CellStatus::ok);
  CHECK(answered["outputs"][0]["text"] == "first/second\n");
  const CellRun failed = run_cell(*ipykernel.kernel, "input()").second;
  CHECK(failed.status == CellStatus::error);
}

TEST_CASE("cell execution: an expression evaluated out of band", "[execute][kernel]") {
  Ipykernel ipykernel;
  const Result<std::string> value =
      evaluate_in_kernel(*ipykernel.kernel, "1 + 1", std::chrono::seconds(60));
  REQUIRE(value.ok());
  CHECK(*value == "2");
  const Result<std::string> error =
      evaluate_in_kernel(*ipykernel.kernel, "1 / 0", std::chrono::seconds(60));
  REQUIRE_FALSE(error.ok());
  CHECK_THAT(error.error().message, Catch::Contains("ZeroDivisionError"));
  // Silent: it takes no execution count from the cells.
  CHECK(run_cell(*ipykernel.kernel, "1").first["execution_count"] == 1);
}
