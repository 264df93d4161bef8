// reStructuredText pages (and .txt files in Sphinx doctest's habit) as notebooks, by
// indentation scanning.
//
// Code cells: `.. code-block::`, `.. code::` and `.. sourcecode::` with python, py,
// python3, ipython3 or pycon; Sphinx doctest's `.. doctest::` (a `>>>` session); doctest
// blocks (a paragraph that starts with `>>>`) and `::` literal blocks that start with
// `>>>`; `.. testcode::`, whose want is the next `.. testoutput::`; `.. testsetup::` and
// `.. testcleanup::`, hidden cells with role setup/cleanup placed first and last, as Sphinx
// runs them before and after a group's tests. Without a rule set, Sphinx doctest groups share one
// namespace; under sphinx each group has its own (converters/page_rules.hpp).
//
// Directive options: `:skipif: EXPR` goes to docnb "skipif" (the engine evaluates it),
// `:options:` to docnb "options" (a testoutput's options join its testcode's), `:hide:`
// hides the cell from nbsphinx. Lines: "line"/"last_line" are the first and last lines of
// the block's content (options and blank lines excluded); likewise for the want.
// Skip comments (`.. docnb: skip`, Sybil's `.. skip: next`, `.. skip: start` / `.. skip: end`)
// skip the next example, or every one between, as their Markdown spellings do
// (converters/skip_markers.hpp); setup and cleanup code is no example and is not skipped.
// Text between code becomes raw cells with raw_mimetype text/restructuredtext, which
// nbsphinx renders as reStructuredText.
#pragma once

#include "converters/page_rules.hpp"
#include "converters/source.hpp"

#include <string>
#include <string_view>

namespace docnb::converters {

// `rules`: the rule set the page's examples are judged by (converters/page_rules.hpp); under
// sphinx only what `sphinx-build -b doctest` runs is run (directives and doctest blocks, not
// code-blocks or `::` literal blocks), each directive in its doctest group. Without, the page
// is read as docnb always read it: every Python block runs, in one namespace.
[[nodiscard]] Result<Converted> read_rst(std::string_view bytes, const std::string& path,
                                         std::optional<PageRules> rules = std::nullopt);

} // namespace docnb::converters
