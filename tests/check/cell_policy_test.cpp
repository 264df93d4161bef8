#include "check/cell_policy.hpp"
#include "check_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;
using namespace docnb::check::testing;

namespace {

CellPolicy policy_of(const std::string& source, Json tags = nullptr,
                     CompareMode mode = CompareMode::strict) {
  return cell_policy(code_cell(source, Json::array(), 1, std::move(tags)), mode);
}

bool any_warning_contains(const CellPolicy& policy, const std::string& text) {
  for (const std::string& w : policy.warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

} // namespace

TEST_CASE("an unmarked cell is compared under --nbval and not under --nbval-lax", "[check]") {
  const CellPolicy strict = policy_of("print(1)");
  CHECK(strict.compare_outputs);
  CHECK_FALSE(strict.skip);
  CHECK_FALSE(strict.raises_exception);
  CHECK(strict.warnings.empty());
  CHECK_FALSE(policy_of("print(1)", nullptr, CompareMode::lax).compare_outputs);
  CHECK(policy_of("# NBVAL_CHECK_OUTPUT\nprint(1)", nullptr, CompareMode::lax).compare_outputs);
  CHECK(
      policy_of("print(1)", Json::array({"nbval-check-output"}), CompareMode::lax).compare_outputs);
}

TEST_CASE("each comment marker sets its option", "[check]") {
  CHECK_FALSE(policy_of("# NBVAL_IGNORE_OUTPUT\nx").compare_outputs);
  CHECK_FALSE(policy_of("# PYTEST_VALIDATE_IGNORE_OUTPUT\nx").compare_outputs);
  CHECK(policy_of("x\n   ## NBVAL_SKIP  \n").skip);
  CHECK(policy_of("#NBVAL_RAISES_EXCEPTION\nraise X").raises_exception);
  // Only a whole comment counts, and only a comment.
  CHECK(policy_of("# NBVAL_IGNORE_OUTPUT please\nx").compare_outputs);
  CHECK(policy_of("x = 1  # NBVAL_IGNORE_OUTPUT").compare_outputs);
  CHECK(policy_of("print('# NBVAL_SKIP')").compare_outputs);
  CHECK_FALSE(policy_of("print('# NBVAL_SKIP')").skip);
}

TEST_CASE("each tag sets its option", "[check]") {
  CHECK_FALSE(policy_of("x", Json::array({"nbval-ignore-output"})).compare_outputs);
  CHECK(policy_of("x", Json::array({"nbval-skip"})).skip);
  CHECK(policy_of("x", Json::array({"skip-execution"})).skip);
  CHECK(policy_of("x", Json::array({"nbval-raises-exception"})).raises_exception);
  CHECK(policy_of("x", Json::array({"raises-exception"})).raises_exception);
  CHECK(policy_of("x", Json::array({"unrelated", "hide-input"})).warnings.empty());
}

TEST_CASE("comments override tags, with a warning", "[check]") {
  // sample_notebook.ipynb cell 7: tag says ignore, comment says check; the comment wins.
  const CellPolicy policy =
      policy_of("# NBVAL_CHECK_OUTPUT\nx", Json::array({"nbval-ignore-output"}));
  CHECK(policy.compare_outputs);
  REQUIRE(policy.warnings.size() == 1);
  CHECK(policy.warnings[0] ==
        "Overlapping options from comments and metadata, using options from comments: {'check'}");
}

TEST_CASE("the last of conflicting comments wins, with warnings", "[check]") {
  // sample_notebook.ipynb cell 6: tag check, comments CHECK then IGNORE -> ignore.
  const CellPolicy policy = policy_of("# NBVAL_CHECK_OUTPUT\n# NBVAL_IGNORE_OUTPUT\nx",
                                      Json::array({"nbval-check-output"}));
  CHECK_FALSE(policy.compare_outputs);
  CHECK(any_warning_contains(policy, "Conflicting comment markers found, using the latest: "
                                     "NBVAL_CHECK_OUTPUT VS NBVAL_IGNORE_OUTPUT"));
  CHECK(any_warning_contains(policy, "Overlapping options"));
  CHECK(policy.warnings.size() == 2);
}

TEST_CASE("the last of conflicting tags wins, with a warning", "[check]") {
  const CellPolicy policy =
      policy_of("x", Json::array({"nbval-ignore-output", "nbval-check-output"}));
  CHECK(policy.compare_outputs);
  REQUIRE(policy.warnings.size() == 1);
  CHECK(any_warning_contains(policy, "Conflicting metadata tags found, using the latest: "
                                     "nbval-ignore-output VS nbval-check-output"));
}

TEST_CASE("markers for different options do not conflict", "[check]") {
  const CellPolicy policy = policy_of("# NBVAL_IGNORE_OUTPUT\n# NBVAL_RAISES_EXCEPTION\nraise X");
  CHECK_FALSE(policy.compare_outputs);
  CHECK(policy.raises_exception);
  CHECK(policy.warnings.empty());
}

TEST_CASE("tags that are not a list are ignored with a warning", "[check]") {
  const CellPolicy policy = policy_of("x", "nbval-skip");
  CHECK_FALSE(policy.skip);
  CHECK(policy.warnings == std::vector<std::string>{"Cell tags is not a list, ignoring."});
}

TEST_CASE("source given as a list of lines is read like a string", "[check]") {
  Json cell = code_cell("", Json::array());
  cell["source"] = Json::array({"# NBVAL_SKIP\n", "x = 1"});
  CHECK(cell_policy(cell, CompareMode::strict).skip);
}

TEST_CASE("sample_notebook.ipynb's markers give nbval's verdict kinds", "[check]") {
  const Json cells = code_cells(read_joined(corpus("sample_notebook.ipynb")));
  REQUIRE(cells.size() == 14);
  std::vector<bool> compared;
  std::vector<bool> skipped;
  for (const Json& cell : cells) {
    const CellPolicy policy = cell_policy(cell, CompareMode::strict);
    compared.push_back(policy.compare_outputs);
    skipped.push_back(policy.skip);
  }
  // C3 legacy ignore, C4 comment ignore, C5 tag ignore, C6 last comment ignore, C7 comment check.
  CHECK_FALSE(compared[2]);
  CHECK_FALSE(compared[3]);
  CHECK_FALSE(compared[4]);
  CHECK_FALSE(compared[5]);
  CHECK(compared[6]);
  CHECK(compared[7]);
  CHECK(skipped == std::vector<bool>{false, false, false, false, false, false, false, false, false,
                                     false, true, true, true, false});
}
