// Markdown pages (CommonMark, parsed by cmark with source positions) as notebooks.
//
// Code cells come from fences whose info string starts with python, py, python3, ipython3,
// pycon or doctest, and from MyST ```{code-cell}``` fences (their `:tags:` or `---` options
// give the cell's tags). A pycon or doctest fence, and a python fence whose first line starts
// with `>>> ` (phmdoctest's reading), is a `>>>` session: one cell per part
// (converters/pycon.hpp). MyST's Sphinx doctest directives ```{doctest}```, ```{testcode}```,
// ```{testoutput}```, ```{testsetup}``` and ```{testcleanup}``` are read as Sphinx runs them,
// each group in a namespace of its own (converters/myst_doctest.hpp). The want of a code fence
// is the `output` fence right after it (only blank lines between), or for python fences a
// fence with an empty info string there (phmdoctest's convention).
//
// Not run (docnb.skip is the spelling that said so): `notest` among the info words, and the
// HTML comments <!-- docnb: skip -->, <!-- skip: next -->, <!--phmdoctest-skip-->,
// <!--phmdoctest-mark.skip-->, <!--pytest-codeblocks:skip--> and <!--pytest.mark.skip-->
// before it (they apply to the next runnable fence), and every fence between
// <!-- skip: start --> and <!-- skip: end -->. <!-- invisible-code-block: python ... -->
// is a hidden setup cell, in place.
//
// Lines: "line"/"last_line" are the first and last lines of the code inside the fence (not
// the fence markers); "want_line"/"want_last_line" those of the output fence's content. An
// empty want has want_last_line = want_line - 1. Everything between code becomes markdown
// cells (the consumed output fences excepted).
#pragma once

#include "converters/page_rules.hpp"
#include "converters/source.hpp"

#include <string>
#include <string_view>

namespace docnb::converters {

// `rules` (converters/page_rules.hpp): absent, the page is read as docnb always read it.
[[nodiscard]] Result<Converted> read_markdown(std::string_view bytes, const std::string& path,
                                              const MarkdownRules& rules = {});

} // namespace docnb::converters
