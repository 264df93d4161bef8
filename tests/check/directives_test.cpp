#include "check/directives.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;

namespace {

bool any_problem_contains(const CodeDirectives& found, const std::string& text) {
  for (const DirectiveProblem& problem : found.problems)
    if (problem.message.find(text) != std::string::npos) return true;
  return false;
}

} // namespace

TEST_CASE("directive comments: prefixes, signs, arguments and scope", "[check][directives]") {
  const CodeDirectives found =
      find_directives("# xdoctest: +SKIP(\"slow\"), -ELLIPSIS\n"
                      "x = f()  # doctest: +REQUIRES(module:torch, env:CUDA)\n"
                      "# XDOC: normalize_whitespace\n"
                      "y = '# not: a directive'\n");
  REQUIRE(found.problems.empty());
  REQUIRE(found.comments.size() == 3);
  CHECK(found.comments[0].line == 0);
  CHECK(found.comments[0].scope == DirectiveScope::block);
  REQUIRE(found.comments[0].directives.size() == 2);
  CHECK(found.comments[0].directives[0].name == "SKIP");
  CHECK(found.comments[0].directives[0].enabled);
  CHECK(found.comments[0].directives[0].arguments == std::vector<std::string>{"slow"});
  CHECK(found.comments[0].directives[1].name == "ELLIPSIS");
  CHECK_FALSE(found.comments[0].directives[1].enabled);
  CHECK(found.comments[1].line == 1);
  CHECK(found.comments[1].scope == DirectiveScope::inline_statement);
  CHECK(found.comments[1].directives[0].arguments ==
        std::vector<std::string>{"module:torch", "env:CUDA"});
  CHECK(found.comments[2].directives[0].name == "NORMALIZE_WHITESPACE");
  CHECK(found.comments[2].directives[0].enabled);
}

TEST_CASE("misspelt directives and markers are problems naming the closest spelling",
          "[check][directives]") {
  CHECK(any_problem_contains(find_directives("# doctest +SKIP"), "without its colon"));
  CHECK(any_problem_contains(find_directives("# xdoctest: +SKPI"), "did you mean SKIP?"));
  CHECK(any_problem_contains(find_directives("# xdoctset: +SKIP"), "did you mean 'xdoctest:'?"));
  CHECK(any_problem_contains(find_directives("#NBVAL_SKIPP"), "did you mean NBVAL_SKIP?"));
  CHECK(any_problem_contains(find_directives("# doctest: +ELLIPSIS("), "unexpected text"));
  CHECK(find_directives("# NBVAL_SKIP\n# A comment: nothing here\n# note: +1 to this")
            .problems.empty());
  const CodeDirectives two_lines = find_directives("x = 1\n# doctest: +ELIPSIS");
  REQUIRE(two_lines.problems.size() == 1);
  CHECK(two_lines.problems[0].line == 1);
}

TEST_CASE("a comment of only '#' characters is no directive and no problem",
          "[check][directives]") {
  for (const char* code : {"#\n", "# \n", "##\n", "  ###  \n", "x = 1\n#\ny = 2\n", "#"}) {
    const CodeDirectives found = find_directives(code);
    CHECK(found.comments.empty());
    CHECK(found.problems.empty());
  }
}

TEST_CASE("applying directives changes exactly their option", "[check][directives]") {
  DoctestOptions options;
  CHECK(options.ellipsis);
  CHECK(options.normalize_whitespace);
  CHECK_FALSE(options.ignore_whitespace);
  auto list = parse_directive_list("+IGNORE_WHITESPACE, -ELLIPSIS, +TIMEOUT(2.5), +FLOAT_CMP");
  REQUIRE(list.ok());
  for (const Directive& d : *list)
    REQUIRE(apply_directive(d, options).ok());
  CHECK(options.ignore_whitespace);
  CHECK_FALSE(options.ellipsis);
  CHECK(options.float_cmp);
  REQUIRE(options.timeout);
  CHECK(options.timeout->count() == 2500);
  CHECK_FALSE(apply_directive({"TIMEOUT", true, {"soon"}}, options).ok());
  CHECK_FALSE(apply_directive({"REQUIRES", true, {}}, options).ok());
  REQUIRE(apply_directive({"REQUIRES", true, {"linux", "env:X"}}, options).ok());
  REQUIRE(apply_directive({"REQUIRES", false, {"linux"}}, options).ok());
  CHECK(options.requirements == std::vector<std::string>{"env:X"});
}
