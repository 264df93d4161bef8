#include "check/check_cell.hpp"
#include "check/sanitize_rules.hpp"
#include "check_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;
using docnb::Outcome;
using namespace docnb::check::testing;

namespace {

// What one execution of a cell produced.
struct Ran {
  Json outputs;
  bool reply_error = false;
};

Ran ran(Json outputs, bool reply_error = false) {
  return Ran{std::move(outputs), reply_error};
}

docnb::Verdict check(const Json& cell, const Ran& run, const CheckOptions& options) {
  return check_cell(cell, run.outputs, run.reply_error, options);
}

CheckOptions with_defaults_sanitizer() {
  auto rules = read_sanitize_file(corpus("sanitize_defaults.cfg"));
  REQUIRE(rules.ok());
  auto sanitizer = Sanitizer::compile(*rules);
  REQUIRE(sanitizer.ok());
  CheckOptions options;
  options.compare.sanitizer = *sanitizer;
  return options;
}

// A verdict per code cell of `reference`, each answered with the outputs given in order.
std::vector<docnb::Verdict> check_each(const Json& reference, const std::vector<Json>& answers,
                                       const CheckOptions& options) {
  std::vector<docnb::Verdict> verdicts;
  for (const Json& cell : reference["cells"]) {
    if (cell["cell_type"] != "code") continue;
    const std::size_t i = verdicts.size();
    verdicts.push_back(check(cell, ran(i < answers.size() ? answers[i] : Json::array()), options));
  }
  return verdicts;
}

} // namespace

TEST_CASE("matching outputs pass", "[check]") {
  const Json cell = code_cell("print('hi')", Json::array({stream("stdout", "hi\n")}));
  const docnb::Verdict v = check(cell, ran(Json::array({stream("stdout", "hi\n")})), {});
  CHECK(v.outcome == Outcome::passed);
  CHECK(v.reason.empty());
}

TEST_CASE("different outputs fail with the field diffs", "[check]") {
  const Json cell = code_cell("1+1", Json::array({result("3")}));
  const docnb::Verdict v = check(cell, ran(Json::array({result("2")})), {});
  CHECK(v.outcome == Outcome::failed);
  CHECK(v.reason == "Cell outputs differ: mismatch 'text/plain'");
  REQUIRE(v.details.size() == 1);
  CHECK(v.details[0].starts_with("mismatch 'text/plain'\n"));
  CHECK(v.details[0].find("-3\n") != std::string::npos);
  CHECK(v.details[0].find("+2\n") != std::string::npos);
}

TEST_CASE("an unrun reference cell is not compared", "[check]") {
  // test-stream-pass-missing-unexecuted-output.ipynb cell 2.
  const Json cell = code_cell("print(1)", Json::array(), nullptr);
  CHECK(check(cell, ran(Json::array({stream("stdout", "1\n")})), {}).outcome ==
        Outcome::passed);
}

TEST_CASE("an unrun reference cell with outputs fails, even when outputs are ignored", "[check]") {
  const Json cell = code_cell("print(1)", Json::array({stream("stdout", "1\n")}), nullptr);
  const docnb::Verdict v = check(cell, ran(Json::array({stream("stdout", "1\n")})), {});
  CHECK(v.outcome == Outcome::failed);
  CHECK(v.reason == "Unrun reference cell has outputs");
  const Json ignored =
      code_cell("# NBVAL_IGNORE_OUTPUT\nprint(1)", Json::array({stream("stdout", "1\n")}), nullptr);
  CHECK(check(ignored, ran(Json::array()), {}).reason == "Unrun reference cell has outputs");
  CheckOptions lax;
  lax.mode = CompareMode::lax;
  CHECK(check(cell, ran(Json::array()), lax).outcome == Outcome::failed);
}

TEST_CASE("a run that produced no stored field fails with nbval's message", "[check]") {
  const Json cell = code_cell("print('x')", Json::array(), 1);
  const docnb::Verdict v = check(cell, ran(Json::array({stream("stdout", "x\n")})), {});
  CHECK(v.reason == "Cell outputs differ: Unexpected output fields from running code: {'stdout'}");
  const Json stored = code_cell("print('x')", Json::array({stream("stdout", "x\n")}), 1);
  CHECK(check(stored, ran(Json::array()), {}).reason ==
        "Cell outputs differ: Missing output fields from running code: {'stdout'}");
}

TEST_CASE("an unexpected exception fails, even when outputs are ignored", "[check]") {
  const Json cell = code_cell("# NBVAL_IGNORE_OUTPUT\nx", Json::array(), 1);
  const docnb::Verdict v =
      check(cell, ran(Json::array({error("NameError", "name 'x' is not defined")})), {});
  CHECK(v.outcome == Outcome::failed);
  CHECK(v.reason == "Cell execution caused an exception: NameError: name 'x' is not defined");
}

TEST_CASE("a reply with status error fails even without an error output", "[check]") {
  const Json cell = code_cell("x", Json::array(), 1);
  const docnb::Verdict v = check(cell, ran(Json::array(), true), {});
  CHECK(v.outcome == Outcome::failed);
  CHECK(v.reason == "Cell execution failed: execute_reply status is error");
  const Json raises = code_cell("# NBVAL_RAISES_EXCEPTION\nx", Json::array(), 1);
  CHECK(check(raises, ran(Json::array(), true), {}).outcome == Outcome::passed);
}

TEST_CASE("an expected exception is compared by ename and evalue", "[check]") {
  const Json cell = code_cell("# NBVAL_RAISES_EXCEPTION\nraise RuntimeError('foo')",
                              Json::array({error("RuntimeError", "foo")}), 1);
  CHECK(check(cell, ran(Json::array({error("RuntimeError", "foo")})), {}).outcome ==
        Outcome::passed);
  // test-exceptions-fail-storedmismatch.ipynb: stored NameError, raised RuntimeError.
  const Json mismatch = code_cell("# NBVAL_RAISES_EXCEPTION\nraise RuntimeError('Foo')",
                                  Json::array({error("NameError", "name 'a' is not defined")}), 1);
  const docnb::Verdict v = check(mismatch, ran(Json::array({error("RuntimeError", "Foo")})), {});
  CHECK(v.outcome == Outcome::failed);
  CHECK(v.reason.find("mismatch 'ename'") != std::string::npos);
}

TEST_CASE("a cell marked to raise that did not raise fails (stricter than nbval)", "[check]") {
  for (const Json& cell :
       {code_cell("# NBVAL_RAISES_EXCEPTION\n1", Json::array(), 1),
        code_cell("1", Json::array(), 1, Json::array({"raises-exception"})),
        code_cell("# NBVAL_IGNORE_OUTPUT\n# NBVAL_RAISES_EXCEPTION\n1", Json::array(), 1)}) {
    const docnb::Verdict v = check(cell, ran(Json::array()), {});
    CHECK(v.outcome == Outcome::failed);
    CHECK(v.reason == "Cell was marked to raise an exception but did not");
  }
}

TEST_CASE("skipped cells are skipped whatever they produced", "[check]") {
  const Json cell =
      code_cell("# NBVAL_SKIP\nraise Error()", Json::array({stream("stdout", "x")}), nullptr);
  const docnb::Verdict v = check(cell, ran(Json::array({error("NameError", "Error")})), {});
  CHECK(v.outcome == Outcome::skipped);
}

TEST_CASE("lax mode compares only cells marked check-output", "[check]") {
  CheckOptions lax;
  lax.mode = CompareMode::lax;
  const Json plain = code_cell("1", Json::array({result("1")}), 1);
  CHECK(check(plain, ran(Json::array({result("2")})), lax).outcome == Outcome::passed);
  const Json marked = code_cell("# NBVAL_CHECK_OUTPUT\n1", Json::array({result("1")}), 1);
  CHECK(check(marked, ran(Json::array({result("2")})), lax).outcome == Outcome::failed);
}

TEST_CASE("warnings travel with the verdict", "[check]") {
  const Json cell =
      code_cell("# NBVAL_CHECK_OUTPUT\n# NBVAL_IGNORE_OUTPUT\n1", Json::array({result("1")}), 1);
  const docnb::Verdict v = check(cell, ran(Json::array({result("2")})), {});
  CHECK(v.outcome == Outcome::passed);
  CHECK(v.warnings.size() == 1);
}

TEST_CASE("test_coalesce.ipynb: stored stderr,stdout,stderr against one merged got", "[check]") {
  const Json reference = read_joined(corpus("test_coalesce.ipynb"));
  const Json cells = code_cells(reference);
  REQUIRE(cells.size() == 7);
  const Json& c5 = cells[4];
  REQUIRE(c5["outputs"].size() == 3);
  // What a kernel that flushes once per stream would send, stdout first.
  const Json got =
      Json::array({stream("stdout", "Combo breaker!\n"), stream("stderr", "Bar!\nFoo!\n")});
  CHECK(check(c5, ran(got), with_defaults_sanitizer()).outcome == Outcome::passed);
  // The whole notebook, each cell answered with merged streams.
  const std::vector<Json> answers = {
      Json::array(),
      Json::array({stream("stdout", "Foo!\nBar!\n")}),
      Json::array({stream("stderr", "Bar!\nFoo!\n")}),
      Json::array({stream("stderr", "Bar!\nFoo!\n"), stream("stdout", "Combo breaker!\n")}),
      got,
      Json::array({stream("stdout", "Combo breaker!\n"), stream("stderr", "Bar!\n"),
                   stream("stderr", "Foo!\n")}),
      Json::array()};
  const auto verdicts = check_each(reference, answers, with_defaults_sanitizer());
  REQUIRE(verdicts.size() == 7);
  for (const docnb::Verdict& v : verdicts)
    CHECK(v.outcome == Outcome::passed);
  // Swapping what went to stdout and stderr is a failure.
  const Json swapped =
      Json::array({stream("stderr", "Combo breaker!\n"), stream("stdout", "Bar!\nFoo!\n")});
  CHECK(check(c5, ran(swapped), {}).reason ==
        "Cell outputs differ: mismatch 'stderr'; mismatch 'stdout'");
}

TEST_CASE("sample_notebook.ipynb cells 9 and 10 pass only with the sanitizer", "[check]") {
  const Json cells = code_cells(read_joined(corpus("sample_notebook.ipynb")));
  const Json c9_got = Json::array({result("'Last executed: 2026-11-23, 09:01:02'", 9)});
  Json c10_got = cells[9]["outputs"];
  c10_got[0]["data"]["text/plain"] = "<matplotlib.legend.Legend at 0x7f0011223344>";
  for (Json& output : c10_got)
    if (output["data"].contains("image/png")) output["data"]["image/png"] = "iVBORw0KGgoAAAA=";
  CHECK(check(cells[8], ran(c9_got), with_defaults_sanitizer()).outcome == Outcome::passed);
  CHECK(check(cells[9], ran(c10_got), with_defaults_sanitizer()).outcome == Outcome::passed);
  CHECK(check(cells[8], ran(c9_got), {}).outcome == Outcome::failed);
  CHECK(check(cells[9], ran(c10_got), {}).outcome == Outcome::failed);
}

TEST_CASE("exceptions.ipynb passes when each cell raises what it stored", "[check]") {
  const Json reference = read_joined(corpus("exceptions.ipynb"));
  std::vector<Json> answers;
  for (const Json& cell : code_cells(reference)) {
    Json outputs = cell["outputs"];
    for (Json& output : outputs)
      if (output["output_type"] == "error") output["traceback"] = Json::array({"fresh traceback"});
    // C3's time.time() print is ignored, so any value will do.
    for (Json& output : outputs)
      if (output["output_type"] == "stream") output["text"] = "1700000000.0\n";
    answers.push_back(outputs);
  }
  const auto verdicts = check_each(reference, answers, with_defaults_sanitizer());
  REQUIRE(verdicts.size() == 6);
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    INFO("cell " << i + 1 << ": " << verdicts[i].reason);
    CHECK(verdicts[i].outcome == Outcome::passed);
  }
}

TEST_CASE("a reply status error fails the cell even without an error output", "[check]") {
  const Json cell = code_cell("b", Json::array(), 2);
  CHECK(check(cell, ran(Json::array(), false), {}).outcome == Outcome::passed);
  const docnb::Verdict failed = check(cell, ran(Json::array(), true), {});
  CHECK(failed.outcome == Outcome::failed);
  CHECK(failed.reason == "Cell execution failed: execute_reply status is error");
}
