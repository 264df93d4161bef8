// CellJudge on hand-made reference and executed notebooks: how a cell ran decides first, then
// the doctest rules (text sources) or nbval's (notebooks), with deferred output carried between
// the parts of one example.
#include "../test_notebooks.hpp"
#include "check/judge.hpp"
#include "check_fixtures.hpp"
#include "notebook/source_map.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::check;
using docnb::check::testing::code_cell;
using docnb::check::testing::result;
using docnb::check::testing::stream;
using namespace docnb::testing;

namespace {

Json executed(Json cell, Json outputs) {
  cell["outputs"] = std::move(outputs);
  cell["execution_count"] = 1;
  return cell;
}

// A CellJudge of `reference` with the default options. CellJudge keeps references to its
// notebook, options and plan: they live here with it.
class DefaultJudge {
public:
  explicit DefaultJudge(const Notebook& reference)
      : plan_(plan_of(reference)), judge_(reference, defaults_, plan_) {}
  Verdict judge(const CellRun& run, const Json& executed_cell) {
    return judge_.judge(run, executed_cell);
  }

private:
  DoctestPlan plan_;
  CheckOptions defaults_;
  CellJudge judge_;
};

} // namespace

TEST_CASE("an execution failure fails a cell whatever its stored outputs say", "[judge]") {
  const Json cell = code_cell("print('hi')", Json::array({stream("stdout", "hi\n")}));
  const Notebook reference = notebook_of("nb.ipynb", Json::array({cell}));
  const DoctestPlan plan = plan_of(reference);
  const CheckOptions options;
  // The executed copy holds exactly the stored output: only the status can fail it.
  const Json same = executed(cell, Json::array({stream("stdout", "hi\n")}));
  for (const CellStatus status :
       {CellStatus::timed_out, CellStatus::kernel_died, CellStatus::aborted, CellStatus::not_run}) {
    CellJudge judge(reference, options, plan);
    const Verdict verdict = judge.judge(ran(0, status, "what happened"), same);
    INFO(to_string(status));
    CHECK(verdict.outcome == Outcome::failed);
    CHECK(verdict.reason == "what happened");
  }
  CellJudge judge(reference, options, plan);
  CellRun timed = ran(0);
  timed.seconds = 0.25;
  const Verdict passed = judge.judge(timed, same);
  CHECK(passed.outcome == Outcome::passed);
  CHECK(passed.seconds == 0.25);
  CHECK(passed.first_line == "print('hi')");
}

TEST_CASE("a cell skipped at the engine's request is skipped with its reason", "[judge]") {
  const Json cell = code_cell("1/0", Json::array({stream("stdout", "stored\n")}));
  const Notebook reference = notebook_of("nb.ipynb", Json::array({cell}));
  DefaultJudge judge(reference);
  const Verdict verdict = judge.judge(ran(0, CellStatus::skipped, "NBVAL_SKIP"), cell);
  CHECK(verdict.outcome == Outcome::skipped);
  CHECK(verdict.reason == "NBVAL_SKIP");
}

TEST_CASE("a skipped cell whose directive cannot be honoured fails", "[judge]") {
  const Notebook reference = notebook_of(
      "mod.py",
      Json::array({docstring_part("x = 1  # doctest: +TIMEOUT(x)", "f:0", 0, std::nullopt, 3)}));
  const DoctestPlan plan = plan_of(reference);
  REQUIRE(plan.cells[0]);
  REQUIRE(plan.cells[0]->invalid);
  DefaultJudge judge(reference);
  const Verdict verdict =
      judge.judge(ran(0, CellStatus::skipped, "bad directive"), reference.cells()[0]);
  CHECK(verdict.outcome == Outcome::failed);
  CHECK(verdict.reason.starts_with("bad directive: "));
}

TEST_CASE("a blank cell skipped as empty is still checked", "[judge]") {
  // A blank notebook cell with stale stored output fails by nbval's rules even though the
  // engine did not send it: the empty-cell skip is not a request to skip judging.
  const Json cell = code_cell("", Json::array({stream("stdout", "stale\n")}));
  const Notebook reference = notebook_of("nb.ipynb", Json::array({cell}));
  DefaultJudge judge(reference);
  const Verdict verdict = judge.judge(ran(0, CellStatus::skipped, std::string(empty_cell_reason)),
                                      executed(cell, Json::array()));
  CHECK(verdict.outcome == Outcome::failed);
}

TEST_CASE("what want-less parts print is matched by the next part's want", "[judge]") {
  const Notebook reference =
      notebook_of("mod.py", Json::array({docstring_part("print('a')", "f:0", 0, std::nullopt, 3),
                                         docstring_part("print('b')", "f:0", 1, std::nullopt, 4),
                                         docstring_part("x = 1", "f:0", 2, "a\nb\n", 5),
                                         // A new example starts with nothing deferred.
                                         docstring_part("print('c')", "g:0", 0, std::nullopt, 9),
                                         docstring_part("y = 2", "h:0", 0, "c\n", 12)}));
  DefaultJudge judge(reference);
  const auto cells = reference.cells();
  CHECK(judge.judge(ran(0), executed(cells[0], Json::array({stream("stdout", "a\n")}))).outcome ==
        Outcome::passed);
  CHECK(judge.judge(ran(1), executed(cells[1], Json::array({stream("stdout", "b\n")}))).outcome ==
        Outcome::passed);
  const Verdict matched = judge.judge(ran(2), executed(cells[2], Json::array()));
  CHECK(matched.outcome == Outcome::passed);
  CHECK(matched.example == ExampleId::named("mod.py", "f:0"));
  CHECK(matched.in_text);
  CHECK(matched.line == 5);

  CHECK(judge.judge(ran(3), executed(cells[3], Json::array({stream("stdout", "c\n")}))).outcome ==
        Outcome::passed);
  const Verdict other_example = judge.judge(ran(4), executed(cells[4], Json::array()));
  CHECK(other_example.outcome == Outcome::failed);
}

TEST_CASE("a want consumes what was deferred; a want-less part's value is not deferred",
          "[judge]") {
  const Notebook reference =
      notebook_of("mod.py", Json::array({docstring_part("print('a')", "f:0", 0, std::nullopt, 3),
                                         docstring_part("print('a')", "f:0", 1, "a\n", 4),
                                         docstring_part("x = 1", "f:0", 2, "a\n", 5),
                                         docstring_part("7", "f:0", 3, std::nullopt, 6),
                                         docstring_part("x = 1", "f:0", 4, "7\n", 7)}));
  DefaultJudge judge(reference);
  const auto cells = reference.cells();
  const Json printed_a = Json::array({stream("stdout", "a\n")});
  CHECK(judge.judge(ran(0), executed(cells[0], printed_a)).outcome == Outcome::passed);
  CHECK(judge.judge(ran(1), executed(cells[1], printed_a)).outcome == Outcome::passed);
  // Part 1's want took part 0's output: nothing is left for part 2's want.
  CHECK(judge.judge(ran(2), executed(cells[2], Json::array())).outcome == Outcome::failed);
  CHECK(judge.judge(ran(3), executed(cells[3], Json::array({result("7")}))).outcome ==
        Outcome::passed);
  CHECK(judge.judge(ran(4), executed(cells[4], Json::array())).outcome == Outcome::failed);
}

TEST_CASE("notebook cells are judged by nbval's rules and named by code cell", "[judge]") {
  const Json stored = code_cell("print(1)", Json::array({stream("stdout", "1\n")}));
  const Notebook reference =
      notebook_of("nb.ipynb", Json::array({markdown("# Title"), stored, markdown("x"), stored}));
  const DoctestPlan plan = plan_of(reference);
  const Json differs = executed(stored, Json::array({stream("stdout", "2\n")}));

  const CheckOptions defaults;
  CellJudge strict(reference, defaults, plan);
  const Verdict first = strict.judge(ran(1), executed(stored, stored["outputs"]));
  CHECK(first.outcome == Outcome::passed);
  CHECK(first.example == ExampleId::cell("nb.ipynb", 0));
  CHECK(first.cell == 1);
  CHECK_FALSE(first.in_text);
  const Verdict second = strict.judge(ran(3), differs);
  CHECK(second.outcome == Outcome::failed);
  CHECK(second.example == ExampleId::cell("nb.ipynb", 1));
  CHECK(second.cell == 3);
  CHECK_FALSE(second.details.empty());

  CheckOptions lax;
  lax.mode = CompareMode::lax;
  CellJudge lax_judge(reference, lax, plan);
  CHECK(lax_judge.judge(ran(3), differs).outcome == Outcome::passed);
}

TEST_CASE("a failed reply without an error output names its error in the reason", "[judge]") {
  const std::string reply = "UsageError: Line magic function `%bad` not found.";
  const Json cell = code_cell("%bad", Json::array(), 1);
  const Notebook reference = notebook_of("nb.ipynb", Json::array({cell}));
  DefaultJudge judge(reference);
  const Verdict verdict =
      judge.judge(ran(0, CellStatus::error, reply, true), executed(cell, Json::array()));
  CHECK(verdict.outcome == Outcome::failed);
  CHECK(verdict.reason.find("(" + reply + ")") != std::string::npos);
  // Named once, not twice, when the checker's reason already holds it.
  const Json with_error =
      executed(cell, Json::array({check::testing::error("UsageError", "Line magic function")}));
  const Verdict once = judge.judge(ran(0, CellStatus::error, "UsageError", true), with_error);
  CHECK(once.outcome == Outcome::failed);
  const std::string& reason = once.reason;
  CHECK(reason.find("UsageError") == reason.rfind("UsageError"));
}

TEST_CASE("a namespace cell's failure blames the module; hidden cells are marked", "[judge]") {
  Json namespace_cell = code_cell("import mod", Json::array(), nullptr);
  SourceMap map;
  map.example = ExampleId::named("mod.py", "f:0");
  map.role = CellRole::example_namespace;
  set_source_map(namespace_cell, map);
  Json setup_cell = code_cell("x = 1", Json::array(), nullptr);
  SourceMap setup;
  setup.example = ExampleId::line("page.md", 2);
  setup.line = 2;
  setup.role = CellRole::setup;
  set_source_map(setup_cell, setup);
  const Notebook reference = notebook_of(
      "mod.py",
      Json::array({namespace_cell, docstring_part("f()", "f:0", 0, std::nullopt, 4), setup_cell}));
  DefaultJudge judge(reference);

  const Verdict failed = judge.judge(
      ran(0, CellStatus::error),
      executed(namespace_cell, Json::array({check::testing::error("ImportError", "no mod")})));
  CHECK(failed.outcome == Outcome::failed);
  CHECK(failed.setup);
  CHECK(failed.first_line.empty());
  CHECK(failed.reason.starts_with("importing the example's module or running global_exec failed"));

  const Verdict hidden = judge.judge(ran(2), executed(setup_cell, Json::array()));
  CHECK(hidden.hidden);
  CHECK_FALSE(hidden.setup);
  CHECK(hidden.outcome == Outcome::passed);
}

TEST_CASE("judge_run gives one verdict per cell run, in run order", "[judge]") {
  const Json one = code_cell("print(1)", Json::array({stream("stdout", "1\n")}));
  const Json two = code_cell("print(2)", Json::array({stream("stdout", "2\n")}));
  const Notebook reference = notebook_of("nb.ipynb", Json::array({one, markdown("m"), two}));
  const DoctestPlan plan = plan_of(reference);
  NotebookRun run;
  run.notebook = reference;
  run.notebook.cells()[2]["outputs"] = Json::array({stream("stdout", "3\n")});
  run.cells = {
      ran(0),
      ran(2),
  };
  run.kernel_lost = true;
  const JudgedRun judged = judge_run(reference, run, CheckOptions{}, plan);
  REQUIRE(judged.verdicts.size() == 2);
  CHECK(judged.verdicts[0].cell == 0);
  CHECK(judged.verdicts[0].outcome == Outcome::passed);
  CHECK(judged.verdicts[1].cell == 2);
  CHECK(judged.verdicts[1].outcome == Outcome::failed);
  CHECK(judged.run.kernel_lost);
  CHECK(judged.run.cells.size() == 2);
}
