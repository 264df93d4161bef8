// Text sources (Markdown, reStructuredText, jupytext percent and sphinx-gallery scripts,
// Python docstrings) turned into notebooks, and executed notebooks written back into them.
//
// A converted notebook is an ordinary nbformat 4 Notebook: everything downstream (the
// executor, the checker, the writers) works on it unchanged. What only a text source has
// travels in each code cell's metadata, under "docnb" (the source map and the expectation):
//
//   "line", "last_line"       1-based lines of the cell's code in the source file
//   "example"                 the example id: "<path>:<line>" for Markdown, rst and scripts,
//                             xdoctest's "<path>::<callname>:<n>" for docstrings
//   "want"                    expected output text, compared with the doctest rules
//                             (check/want.hpp); absent: the cell passes if it raises nothing
//   "want_line", "want_last_line"   where the want sits in the source (reports, --update)
//   "options"                 directives for the whole block, in directive syntax
//                             ("+ELLIPSIS, -NORMALIZE_WHITESPACE"), e.g. from rst `:options:`
//   "skip"                    why the block is not run ("notest", "<!-- docnb: skip -->",
//                             ":skipif: ..."); the cell is then neither run nor compared
//   "role"                    "setup" or "cleanup" for a page's hidden cells (Sybil's invisible
//                             code, rst testsetup/testcleanup: not examples themselves, but a
//                             failure in one fails the page); "namespace" for the cell that
//                             prepares a docstring example's namespace (its failure fails
//                             that example). All of them carry nbsphinx's
//                             own marker, metadata "nbsphinx": "hidden"
//
// Markdown text between code blocks becomes markdown cells, so the executed notebook renders
// as the page. The notebook's metadata.kernelspec/language_info name Python.
#pragma once

#include "converters/docstring_options.hpp"
#include "notebook/notebook.hpp"
#include "support/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb::converters {

enum class SourceKind { notebook, markdown, rst, percent, gallery, docstring };

// A code cell's "docnb" metadata (the source map and expectation above); an empty object for a
// cell without one (a notebook's own cell).
[[nodiscard]] const Json& source_map_of(const Json& cell);

[[nodiscard]] std::string_view to_string(SourceKind kind);

struct ConvertOptions {
  // sphinx-gallery scripts, matched against the file name (fnmatch globs).
  std::vector<std::string> gallery_patterns{"plot_*.py", "*_tutorial.py"};
  bool txt_as_rst = false; // .txt files are reStructuredText (Sphinx doctest's habit)
  // Any other .py file is a module whose docstring examples run, found and named as xdoctest
  // finds and names them.
  DocstringOptions docstrings;
};

// A source read into a notebook, with the text it came from (kept for write_back and for
// noticing that the file changed on disk before writing to it).
struct Converted {
  SourceKind kind = SourceKind::notebook;
  Notebook notebook;                 // notebook.path is the source file
  std::string original;              // the source's bytes as read
  std::vector<std::string> warnings; // "path:line: message", e.g. an unclosed fence
};

// Which converter reads `path`, judged by name and, for .py, by content (a `# %%` line
// makes a percent script); nullopt when docnb does not run this kind of file.
[[nodiscard]] std::optional<SourceKind> source_kind(const std::filesystem::path& path,
                                                    const ConvertOptions& options);

// Reads and converts a source. An error names the file and line.
[[nodiscard]] Result<Converted> read_source(const std::filesystem::path& path,
                                            const ConvertOptions& options);

// What one code cell of a converted notebook printed when it ran: its stdout and the
// text/plain of its result (check/text_cell's doctest_got(...).printed).
struct FreshOutput {
  std::size_t cell = 0; // index into the cells of the notebook given to write_back
  std::string printed;
};

// The source's new text with each `fresh` output written in place of its cell's want, found by
// the cell's "docnb" metadata in `executed`: everything outside the rewritten outputs is byte
// for byte `converted.original`. Which cells to rewrite is the caller's choice (engine/update).
// Markdown: an `output` or bare (phmdoctest) fence body is rewritten (its fence lengthened when
// the output holds a line that would close it), removed with the blank lines before it when
// nothing was printed, inserted after a want-less python fence; pycon wants are rewritten in
// the prompt's indentation. rst: testoutput bodies and pycon wants, in the block's
// indentation. Docstrings: wants, inside the same string literal
// (converters/docstring_write_back.hpp). Percent and gallery scripts hold no wants: an error.
struct WriteBack {
  std::string text;
  // Outputs that could not be written, "path:line: not written back: why"; the rest are.
  std::vector<std::string> not_written;
};
[[nodiscard]] Result<WriteBack> write_back(const Converted& converted, const Notebook& executed,
                                           const std::vector<FreshOutput>& fresh);

} // namespace docnb::converters
