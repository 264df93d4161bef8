// Names in an rst page that look like a code directive but are not one.
#include "converters/rst_names.hpp"

#include <catch2/catch.hpp>

using namespace docnb::converters;

TEST_CASE("rst names: a code directive that lost a colon is a comment", "[converters][rst]") {
  CHECK(comment_typo(".. code-block: python") ==
        "`.. code-block:` is a comment; did you mean `.. code-block::`?");
  CHECK(comment_typo(".. doctest:"));
  CHECK_FALSE(comment_typo(".. note: something"));
  CHECK_FALSE(comment_typo(".. a comment: with words"));
  CHECK_FALSE(comment_typo(".. plain comment"));
}

TEST_CASE("rst names: a directive near a code directive's name is a typo", "[converters][rst]") {
  CHECK(directive_typo("doctset") == "unknown directive `doctset`; did you mean `doctest`?");
  CHECK(directive_typo("codeblock"));
  CHECK_FALSE(directive_typo("doctest"));
  CHECK_FALSE(directive_typo("code")); // a directive of its own
  CHECK_FALSE(directive_typo("todo")); // a common directive, however near its name
  CHECK_FALSE(directive_typo("warning"));
}
