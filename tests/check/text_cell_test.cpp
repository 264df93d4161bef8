#include "check/text_cell.hpp"

#include <catch2/catch.hpp>

using docnb::Outcome;
using docnb::check::CellPolicy;
using docnb::check::check_text_cell;
using docnb::check::DoctestOptions;
using docnb::check::Json;

namespace {

// A code cell of a converted source whose want is `want`; a docstring part when `mode` is set.
Json cell_with_want(const std::string& want, const std::string& mode = "") {
  Json docnb{{"line", 3}, {"want", want}};
  if (!mode.empty()) docnb["compile_mode"] = mode;
  return Json{{"cell_type", "code"}, {"source", "x"}, {"metadata", {{"docnb", docnb}}}};
}

Json printed(const std::string& text) {
  return Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", text}};
}

Json value(const std::string& text) {
  return Json{{"output_type", "execute_result"},
              {"execution_count", 1},
              {"data", {{"text/plain", text}}},
              {"metadata", Json::object()}};
}

Outcome outcome_of(const Json& cell, const Json& outputs,
                   std::span<const std::string> deferred = {}) {
  return check_text_cell(cell, outputs, false, DoctestOptions{}, CellPolicy{}, deferred).outcome;
}

} // namespace

TEST_CASE("a docstring part's want is its stdout or its value, never both joined",
          "[check][text_cell]") {
  const Json outputs = Json::array({printed("a\n"), value("5")});
  // xdoctest: `print('a') or 5` prints a and evaluates to 5; the want `a 5` matches neither.
  CHECK(outcome_of(cell_with_want("a\n5", "eval"), outputs) == Outcome::failed);
  CHECK(outcome_of(cell_with_want("a", "eval"), outputs) == Outcome::passed);
  CHECK(outcome_of(cell_with_want("5", "eval"), outputs) == Outcome::passed);
  // A session block in a page shows what a REPL shows: both, in order.
  CHECK(outcome_of(cell_with_want("a\n5"), outputs) == Outcome::passed);
}

// A lone `>>>` line continued by `...` lines compiles in "single" mode: its value is printed.
TEST_CASE("a part in single mode shows its value as stdout", "[check][text_cell]") {
  CHECK(outcome_of(cell_with_want("True", "single"), Json::array({value("True")})) ==
        Outcome::passed);
  CHECK(outcome_of(cell_with_want("a\nTrue", "single"),
                   Json::array({printed("a\n"), value("True")})) == Outcome::passed);
}

TEST_CASE("an evaluated part whose value is None is compared as None", "[check][text_cell]") {
  CHECK(outcome_of(cell_with_want("None", "eval"), Json::array()) == Outcome::passed);
  // An exec part has no value to fall back on.
  CHECK(outcome_of(cell_with_want("None", "exec"), Json::array()) == Outcome::failed);
}

TEST_CASE("a failing printed want shows the stdout alone, without a None value",
          "[check][text_cell]") {
  DoctestOptions options;
  options.normalize_whitespace = false;
  const auto verdict =
      check_text_cell(cell_with_want("a b", "eval"), Json::array({printed("a\tb\n")}), false,
                      options, CellPolicy{});
  REQUIRE(verdict.outcome == Outcome::failed);
  REQUIRE(verdict.details.size() == 1);
  const std::string& diff = verdict.details[0];
  CHECK(diff.find("+a\tb") != std::string::npos);
  CHECK(diff.find("None") == std::string::npos);
}

TEST_CASE("a docstring want may match the tail of the output queued before it",
          "[check][text_cell]") {
  const std::vector<std::string> queued{"a\n", "b\n"};
  CHECK(outcome_of(cell_with_want("b", "exec"), Json::array(), queued) == Outcome::passed);
  CHECK(outcome_of(cell_with_want("a\nb", "exec"), Json::array(), queued) == Outcome::passed);
  CHECK(outcome_of(cell_with_want("b\nc", "exec"), Json::array({printed("c\n")}), queued) ==
        Outcome::passed);
  CHECK(outcome_of(cell_with_want("a", "exec"), Json::array(), queued) == Outcome::failed);
}

namespace {

// What docnb's doctest runner (converters/python/doctest_part.py) publishes for an exception,
// then the kernel's own error output (its ename unqualified).
Json raised_in_doctest_form(const std::string& form, const std::string& ename,
                            const std::string& evalue) {
  return Json::array(
      {Json{{"output_type", "display_data"},
            {"data", {{"application/vnd.docnb.doctest+json", {{"exception", form + "\n"}}}}},
            {"metadata", Json::object()}},
       Json{{"output_type", "error"},
            {"ename", ename},
            {"evalue", evalue},
            {"traceback", Json::array()}}});
}

} // namespace

TEST_CASE("the runner's exception form is what an exception want is matched against",
          "[check][text_cell]") {
  const Json outputs = raised_in_doctest_form("json.decoder.JSONDecodeError: Expecting value",
                                              "JSONDecodeError", "Expecting value");
  const auto got = docnb::check::doctest_got(outputs);
  CHECK(got.exception == "json.decoder.JSONDecodeError: Expecting value");
  CHECK(got.doctest_form);
  const std::string header = "Traceback (most recent call last):\n";
  DoctestOptions options;
  const auto verdict = [&](const std::string& want, const DoctestOptions& with) {
    return check_text_cell(cell_with_want(header + want), outputs, true, with, CellPolicy{})
        .outcome;
  };
  CHECK(verdict("json.decoder.JSONDecodeError: Expecting value\n", options) == Outcome::passed);
  // Doctest's form is module-qualified: the bare name is another exception.
  CHECK(verdict("JSONDecodeError: Expecting value\n", options) == Outcome::failed);
  CHECK(verdict("ValueError: Expecting value\n", options) == Outcome::failed);
  DoctestOptions relaxed;
  relaxed.ignore_exception_detail = true;
  CHECK(verdict("JSONDecodeError: something else\n", relaxed) == Outcome::passed);
  CHECK(verdict("ValueError: something else\n", relaxed) == Outcome::failed);
}

TEST_CASE("a SyntaxError want is matched in doctest's form", "[check][text_cell]") {
  const Json outputs = raised_in_doctest_form("SyntaxError: invalid syntax", "SyntaxError",
                                              "invalid syntax (page.md, line 3)");
  const std::string want = "Traceback (most recent call last):\n  File \"page.md\", line 3\n"
                           "    x = = 1\n        ^\nSyntaxError: invalid syntax\n";
  CHECK(check_text_cell(cell_with_want(want), outputs, true, DoctestOptions{}, CellPolicy{})
            .outcome == Outcome::passed);
}

TEST_CASE("without the runner's form the kernel's unqualified ename still matches",
          "[check][text_cell]") {
  const Json outputs = Json::array({Json{{"output_type", "error"},
                                         {"ename", "JSONDecodeError"},
                                         {"evalue", "Expecting value"},
                                         {"traceback", Json::array()}}});
  const std::string want = "Traceback (most recent call last):\n"
                           "json.decoder.JSONDecodeError: Expecting value\n";
  CHECK_FALSE(docnb::check::doctest_got(outputs).doctest_form);
  CHECK(check_text_cell(cell_with_want(want), outputs, true, DoctestOptions{}, CellPolicy{})
            .outcome == Outcome::passed);
}
