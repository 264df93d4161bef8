#include "../ipykernel_launch.hpp"
#include "../test_notebooks.hpp"
#include "engine/shared_units.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <thread>

using namespace docnb;
using testing::docstring_part;

TEST_CASE("shared units are handed out once each, in their start order", "[engine][shared_units]") {
  SharedUnits shared({{0}, {1, 2}, {3}}, {2, 0, 1}, {1.0, 2.0, 4.0});
  CHECK(shared.pending_seconds() == Approx(7.0));
  CHECK(shared.claim() == std::optional<std::size_t>(2));
  CHECK(shared.pending_seconds() == Approx(3.0));
  CHECK(shared.claim() == std::optional<std::size_t>(0));
  CHECK(shared.claim() == std::optional<std::size_t>(1));
  CHECK_FALSE(shared.pending());
  CHECK_FALSE(shared.claim());
}

TEST_CASE("a unit's time is kept only when it ran to its end", "[engine][shared_units]") {
  SharedUnits shared({{0}, {1}, {2}}, {0, 1, 2}, {0, 0, 0});
  UnitRun ran;
  ran.cells = {testing::ran(0), testing::ran(1, CellStatus::error)};
  ran.seconds = 2.5;
  shared.done(0, ran);
  UnitRun stopped;
  stopped.cells = {testing::ran(1), testing::ran(2, CellStatus::not_run)};
  stopped.seconds = 1.0;
  shared.done(1, stopped);
  const std::vector<std::optional<double>> seconds = shared.seconds();
  CHECK(seconds[0] == std::optional(2.5));
  CHECK_FALSE(seconds[1]);
  CHECK_FALSE(seconds[2]);
  const auto runs = shared.take_runs();
  CHECK(runs[0]->cells.size() == 2);
  CHECK_FALSE(runs[2]);
}

TEST_CASE("a worker helps only with a module worth it, and not once no source runs",
          "[engine][shared_units]") {
  UnitBoard board(1.0);
  CHECK_FALSE(board.help_when_worth_it(nullptr)); // nothing runs: returns at once
  SharedUnits small({{0}, {1}}, {0, 1}, {0.2, 0.3});
  SharedUnits large({{0}, {1}, {2}}, {0, 1, 2}, {0.5, 3.0, 3.0});
  std::vector<std::size_t> helped;
  const UnitBoard::Help help = [&](SharedUnits& units) {
    while (const auto unit = units.claim())
      helped.push_back(*unit);
  };
  board.source_taken();
  board.post(small, help);
  board.post(large, help);
  CHECK(board.help_when_worth_it(nullptr));
  CHECK(helped == std::vector<std::size_t>{0, 1, 2});
  CHECK_FALSE(large.pending());
  CHECK(small.pending()); // 0.5 s left: not worth a kernel
  // Once the last source is done, a waiting worker leaves.
  std::jthread done([&] { board.source_done(); });
  CHECK_FALSE(board.help_when_worth_it(nullptr));
  large.wait_for_helpers(); // every helper has left
}

TEST_CASE("units waiting behind a unit that has run long are expected to take as long",
          "[engine][shared_units]") {
  using namespace std::chrono_literals;
  SharedUnits shared({{0}, {1}, {2}}, {0, 1, 2}, {0.01, 0.01, 0.01});
  // Before any unit is handed out, the estimates alone: the module's own kernel starts soon.
  CHECK(shared.expected_seconds(std::chrono::steady_clock::now() + 10s) == Approx(0.03));
  const auto before = std::chrono::steady_clock::now();
  REQUIRE(shared.claim());
  const auto after = std::chrono::steady_clock::now();
  CHECK(shared.expected_seconds(before) == Approx(0.02)); // just handed out: the estimates
  CHECK(shared.expected_seconds(after + 5s) >= 5.0);
  CHECK(shared.expected_seconds(before + 5s) <= 5.0);
  REQUIRE(shared.claim());
  REQUIRE(shared.claim());
  CHECK(shared.expected_seconds(after + 5s) == 0.0); // nothing left to take over
}

TEST_CASE("a worker helps with small units once they have waited longer than the minimum",
          "[engine][shared_units]") {
  UnitBoard board(0.05);
  SharedUnits never_timed({{0}, {1}, {2}}, {0, 1, 2}, {0.001, 0.001, 0.001});
  std::vector<std::size_t> helped;
  const UnitBoard::Help help = [&](SharedUnits& units) {
    while (const auto unit = units.claim())
      helped.push_back(*unit);
  };
  board.source_taken();
  board.post(never_timed, help);
  REQUIRE(never_timed.claim() == std::optional<std::size_t>(0)); // the module's own kernel
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(board.help_when_worth_it(nullptr));
  CHECK(helped == std::vector<std::size_t>{1, 2});
  never_timed.wait_for_helpers();
  board.source_done();
}

TEST_CASE("a module's examples split over two kernels are put back in example order",
          "[engine][shared_units][kernel]") {
  const Notebook module = testing::notebook_of(
      "mod.py",
      Json::array({docstring_part("import os, time\nx = os.getpid()", "f:0", 0, std::nullopt, 3),
                   docstring_part("time.sleep(1); print(x)", "f:0", 1, std::nullopt, 4),
                   docstring_part("import os\nprint(os.getpid())", "g:0", 0, std::nullopt, 9),
                   docstring_part("1 / 0", "h:0", 0, "1", 12)}));
  const check::DoctestPlan plan = testing::plan_of(module);
  TempDir runtime = TempDir::create("docnb-test").value();
  KernelHost host;
  const KernelLaunch launch = testing::ipykernel_launch(runtime.path());
  KernelReaper reaper(std::chrono::seconds(5));
  const check::CheckOptions check_options;
  check::CellJudge judge(module, check_options, plan);
  SharedUnits shared(execution_units(module, converters::SourceKind::docstring, {}), {0, 1, 2},
                     {1.0, 1.0, 1.0});
  UnitBoard board(0.0);
  board.source_taken();
  // The other worker: idle, so it helps as soon as the module is posted.
  std::jthread helper([&] {
    (void)board.help_when_worth_it(nullptr);
    board.source_done();
  });
  check::JudgedRun judged = execute_shared_units(
      module, shared, UnitKernels{WarmKernel(launch, host).take(), launch, host, reaper},
      ExecuteOptions{}, judge, {}, &board);
  REQUIRE(judged.run.cells.size() == 4);
  for (std::size_t k = 0; k < 4; ++k)
    CHECK(judged.run.cells[k].index == k);
  CHECK(judged.verdicts[0].outcome == Outcome::passed);
  CHECK(judged.verdicts[2].outcome == Outcome::passed);
  // A failing example costs itself alone.
  CHECK(judged.verdicts[3].outcome == Outcome::failed);
  const auto printed = [&](std::size_t index) {
    return judged.run.notebook.cells()[index]["outputs"][0].value("text", "");
  };
  // While f:0 slept on the module's kernel, g:0 ran on the helper's.
  CHECK_FALSE(printed(1).empty());
  CHECK(printed(1) != printed(2));
  CHECK(shared.seconds()[0].has_value());
}
