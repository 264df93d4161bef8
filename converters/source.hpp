// Text sources (Markdown, reStructuredText, jupytext percent and sphinx-gallery scripts,
// Python docstrings) turned into notebooks, and executed notebooks written back into them.
//
// A converted notebook is an ordinary nbformat 4 Notebook: everything downstream (the
// executor, the checker, the writers) works on it unchanged. What only a text source has (where
// each code cell came from, what it should print) travels in each code cell's source map
// (notebook/source_map.hpp).
//
// Markdown text between code blocks becomes markdown cells, so the executed notebook renders
// as the page. The notebook's metadata.kernelspec/language_info name Python.
#pragma once

#include "converters/docstring_options.hpp"
#include "converters/source_rules.hpp"
#include "notebook/notebook.hpp"
#include "support/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb::converters {

enum class SourceKind { notebook, markdown, rst, percent, gallery, docstring };

[[nodiscard]] std::string_view to_string(SourceKind kind);

struct ConvertOptions {
  // sphinx-gallery scripts, matched against the file name (fnmatch globs).
  std::vector<std::string> gallery_patterns{"plot_*.py", "*_tutorial.py"};
  bool txt_as_rst = false; // .txt files are reStructuredText (Sphinx doctest's habit)
  // Any other .py file is a module whose docstring examples run, found and named as xdoctest
  // finds and names them.
  DocstringOptions docstrings;
  // Which runner's rules judge each kind of source, and what page examples share.
  SourceRules rules;
};

// A source read into a notebook, with the text it came from (kept for write_back and for
// noticing that the file changed on disk before writing to it).
struct Converted {
  SourceKind kind = SourceKind::notebook;
  Notebook notebook;                 // notebook.path is the source file
  std::string original;              // the source's bytes as read
  std::vector<std::string> warnings; // "path:line: message", e.g. an unclosed fence
};

// Whether docnb runs `path`, judged by its name alone (what a .py file is depends on its
// content: source_kind).
[[nodiscard]] bool is_source_file(const std::filesystem::path& path, const ConvertOptions& options);

// Which converter reads `path`, whose content is `bytes`: by name and, for .py, by content (a
// `# %%` line makes a percent script); nullopt when docnb does not run this kind of file.
[[nodiscard]] std::optional<SourceKind> source_kind(const std::filesystem::path& path,
                                                    std::string_view bytes,
                                                    const ConvertOptions& options);

// Converts the source `path` from `bytes`, its content as read: the converters never read a
// source themselves, so that a run reads each source once. An error names the file and line.
[[nodiscard]] Result<Converted> convert_source(const std::filesystem::path& path, std::string bytes,
                                               const ConvertOptions& options);

// Reads and converts a source (for commands that look at one source at a time).
[[nodiscard]] Result<Converted> read_source(const std::filesystem::path& path,
                                            const ConvertOptions& options);

// What one code cell of a converted notebook printed when it ran: its stdout and the
// text/plain of its result (check/text_cell's doctest_got(...).printed).
struct FreshOutput {
  std::size_t cell = 0; // index into the cells of the notebook given to write_back
  std::string printed;
};

// The source's new text with each `fresh` output written in place of its cell's want, found by
// the cell's source map in `converted.notebook`: everything outside the rewritten outputs is byte
// for byte `converted.original`. Which cells to rewrite is the caller's choice (update/).
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
[[nodiscard]] Result<WriteBack> write_back(const Converted& converted,
                                           const std::vector<FreshOutput>& fresh);

} // namespace docnb::converters
