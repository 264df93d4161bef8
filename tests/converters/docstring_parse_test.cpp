#include "converters/docstring_parse.hpp"

#include <catch2/catch.hpp>

using namespace docnb::converters;

namespace {

ParsedDocstring parse(const std::string& text, DocStyle style = DocStyle::autodetect) {
  return parse_docstring(text, style);
}

// The parts of a freeform docstring that is one example of `count` parts.
std::vector<DocPart> parts_of(const std::string& text, std::size_t count) {
  const ParsedDocstring parsed = parse(text, DocStyle::freeform);
  REQUIRE(parsed.examples.size() == 1);
  REQUIRE(parsed.examples[0].parts.size() == count);
  return parsed.examples[0].parts;
}

} // namespace

TEST_CASE("each google block is one example, numbered in order", "[docstring]") {
  const auto parsed =
      parse("Example:\n    >>> a = 1\n\nText.\n\nExample:\n    >>> a\n    1\n", DocStyle::google);
  REQUIRE(parsed.examples.size() == 2);
  CHECK(parsed.examples[0].num == 0);
  CHECK(parsed.examples[0].line == 1);
  CHECK(parsed.examples[1].num == 1);
  CHECK(parsed.examples[1].line == 6);
  REQUIRE(parsed.examples[1].parts.size() == 1);
  CHECK(parsed.examples[1].parts[0].want == "1");
  CHECK(parsed.examples[1].parts[0].compile_mode == "eval");
}

TEST_CASE("google style ignores prompts outside example blocks, and auto falls back to freeform",
          "[docstring]") {
  const std::string text = "Summary.\n\n>>> x = 1\n>>> x\n1\n";
  CHECK(parse(text, DocStyle::google).examples.empty());
  const auto freeform = parse(text, DocStyle::freeform);
  REQUIRE(freeform.examples.size() == 1);
  CHECK(freeform.examples[0].line == 2);
  const auto automatic = parse(text, DocStyle::autodetect);
  REQUIRE(automatic.examples.size() == 1);
  CHECK(automatic.examples[0].parts.size() == 2);
}

TEST_CASE("parts: source without a want joins the next part, and a want closes a part",
          "[docstring]") {
  const auto parts = parts_of(">>> total = 0\n>>> for i in range(3):\n>>>     total += i\n"
                              ">>> print(total)\n3\n"
                              ">>> total\n3\n",
                              3);
  // xdoctest splits the last expression off a part with a want, so that its value is the
  // result to compare.
  CHECK(parts[0].exec_lines ==
        std::vector<std::string>{"total = 0", "for i in range(3):", "    total += i"});
  CHECK_FALSE(parts[0].want.has_value());
  CHECK(parts[0].compile_mode == "exec");
  CHECK(parts[1].exec_lines == std::vector<std::string>{"print(total)"});
  CHECK(parts[1].want == "3");
  CHECK(parts[1].line == 3);
  CHECK(parts[1].want_line == 4);
  CHECK(parts[2].exec_lines == std::vector<std::string>{"total"});
  CHECK(parts[2].line == 5);
}

TEST_CASE("continuations: `...` lines, unprefixed lines in brackets and triple quotes",
          "[docstring]") {
  const auto parts = parts_of(">>> x = [1,\n...      2]\n"
                              ">>> data = {'a': 1,\n    'b': 2}\n"
                              ">>> text = '''\nfirst\n'''\n",
                              1);
  CHECK(parts[0].exec_lines == std::vector<std::string>{"x = [1,", "     2]", "data = {'a': 1,",
                                                        "'b': 2}", "text = '''", "first", "'''"});
  CHECK(parts[0].orig_lines.size() == 7);
}

TEST_CASE("a lone `...` after source is an ellipsis want", "[docstring]") {
  const auto parts = parts_of(">>> print(list(range(100)))\n...\n", 1);
  CHECK(parts[0].want == "...");
}

TEST_CASE("a statement with a directive is a part of its own", "[docstring]") {
  const auto parts = parts_of(">>> a = 1\n>>> b = 2  # xdoctest: +SKIP\n>>> c = 3\n"
                              ">>> # xdoctest: +REQUIRES(module:numpy)\n>>> d = 4\n>>> e = 5\n",
                              4);
  CHECK(parts[0].exec_lines == std::vector<std::string>{"a = 1"});
  CHECK(parts[1].exec_lines == std::vector<std::string>{"b = 2  # xdoctest: +SKIP"});
  CHECK(parts[2].exec_lines == std::vector<std::string>{"c = 3"});
  // A block directive reaches to the end (or the next directive).
  CHECK(parts[3].exec_lines ==
        std::vector<std::string>{"# xdoctest: +REQUIRES(module:numpy)", "d = 4", "e = 5"});
}

TEST_CASE("runs after a disabling header are not examples (freeform)", "[docstring]") {
  for (const std::string header : {"Script:", "DisableDoctest:", "Ignore:", "Benchmark:",
                                   "SkipDoctest:", "DisableExample:", "Sympy:"}) {
    const auto parsed =
        parse(header + "\n    >>> print('no')\n\n>>> print('yes')\nyes\n", DocStyle::freeform);
    REQUIRE(parsed.examples.size() == 1);
    REQUIRE(parsed.examples[0].parts.size() == 1);
    CHECK(parsed.examples[0].parts[0].exec_lines == std::vector<std::string>{"print('yes')"});
  }
}

TEST_CASE("a legacy `>>> # DISABLE_DOCTEST` first line disables the example", "[docstring]") {
  for (const std::string tag :
       {"DISABLE_DOCTEST", "UNSTABLE", "FAILING", "SCRIPT", "SLOW_DOCTEST"}) {
    const auto parsed = parse("Example:\n    >>> # " + tag + "\n    >>> 1 / 0\n");
    REQUIRE(parsed.examples.size() == 1);
    CHECK(parsed.examples[0].disabled);
  }
  CHECK_FALSE(parse("Example:\n    >>> # a comment\n    >>> 1\n").examples[0].disabled);
}

TEST_CASE("an unbalanced example is a problem, and the examples before it are kept",
          "[docstring]") {
  const auto parsed = parse("Example:\n    >>> 1\n    1\n\nExample:\n    >>> f(\n\nExample:\n"
                            "    >>> 2\n",
                            DocStyle::google);
  REQUIRE(parsed.examples.size() == 1);
  REQUIRE(parsed.problems.size() == 1);
  CHECK(parsed.problems[0].first == 4);
  CHECK_THAT(parsed.problems[0].second, Catch::Contains("not balanced"));
}

TEST_CASE("a syntax error inside an example is a problem", "[docstring]") {
  const auto parsed = parse(">>> def f(:\n>>>     pass\n", DocStyle::freeform);
  CHECK(parsed.examples.empty());
  REQUIRE(parsed.problems.size() == 1);
}

TEST_CASE("each `.. code-block:: python` holding prompts is an example (PaddlePaddle)",
          "[docstring]") {
  const auto parsed = parse("Summary.\n\n"
                            "Examples:\n"
                            "    .. code-block:: python\n"
                            "        :name: first\n"
                            "\n"
                            "        >>> import math\n"
                            "        >>> print(math.floor(2.5))\n"
                            "        2\n"
                            "\n"
                            "    .. code-block:: pycon\n"
                            "\n"
                            "        >>> 1 + 1\n"
                            "        2\n"
                            "\n"
                            "    .. code-block:: python\n"
                            "\n"
                            "        no_prompt = True\n");
  REQUIRE(parsed.examples.size() == 2);
  CHECK(parsed.examples[0].num == 0);
  CHECK(parsed.examples[0].line == 6);
  REQUIRE(parsed.examples[0].parts.size() == 2);
  CHECK(parsed.examples[0].parts[1].exec_lines ==
        std::vector<std::string>{"print(math.floor(2.5))"});
  CHECK(parsed.examples[0].parts[1].want == "2");
  CHECK(parsed.examples[0].parts[1].want_line == 8);
  CHECK(parsed.examples[1].num == 1);
  CHECK(parsed.examples[1].line == 12);
  CHECK(parsed.examples[1].parts[0].want == "2");
}

// xdoctest numbers the google block 0; the code block under another heading is an example too,
// after it, so the google example keeps xdoctest's id.
TEST_CASE("a code block outside the google examples is one more example, numbered after them",
          "[docstring]") {
  const auto parsed = parse("Summary.\n\n"
                            "Example:\n    >>> 1 + 1\n    2\n\n"
                            "Note:\n    .. code-block:: python\n\n        >>> 2 + 2\n        4\n");
  REQUIRE(parsed.examples.size() == 2);
  CHECK(parsed.examples[0].num == 0);
  CHECK(parsed.examples[0].line == 3);
  CHECK(parsed.examples[0].parts[0].exec_lines == std::vector<std::string>{"1 + 1"});
  CHECK(parsed.examples[1].num == 1);
  CHECK(parsed.examples[1].line == 9);
  CHECK(parsed.examples[1].parts[0].exec_lines == std::vector<std::string>{"2 + 2"});
}
