// Where a cell came from and what it should print: the contract between the converters, the
// engine, the checker, the reports and --update. It travels in the notebook itself, under the
// "docnb" key of a code cell's metadata, so a converted notebook stays an ordinary nbformat 4
// notebook (and `docnb convert` writes it out as one). This file is the only code that reads or
// writes that metadata.
//
// A cell's source map, in JSON:
//   "line", "last_line"       1-based lines of the cell's code in the source file
//   "example"                 the example id (ExampleId below)
//   "want"                    expected output text, compared with the doctest rules
//                             (check/want.hpp); absent: the cell passes if it raises nothing
//   "want_line", "want_last_line"   where the want sits in the source (reports, --update)
//   "options"                 directives for the whole block, in directive syntax
//                             ("+ELLIPSIS, -NORMALIZE_WHITESPACE"), e.g. from rst `:options:`
//   "skip"                    why the block is not run ("notest", "<!-- docnb: skip -->")
//   "skipif"                  Sphinx doctest's `:skipif:` expression, evaluated in the kernel
//   "group"                   the Sphinx doctest group (MyST `{doctest} NAME`): each group runs
//                             in a namespace of its own with its own setup and cleanup cells;
//                             absent: the page's shared namespace
//   "role"                    "setup" or "cleanup" for a page's hidden cells (Sybil's invisible
//                             code, rst testsetup/testcleanup: not examples themselves, but a
//                             failure in one fails the page); "namespace" for the cell that
//                             prepares a docstring example's namespace (its failure fails
//                             that example). Hidden cells also carry nbsphinx's "hidden" marker.
//   "rules"                   whose checker judges the cell: "xdoctest" (absent), "stdlib" or
//                             "sphinx" (check/rule_set.hpp); Sphinx `testcode` cells carry the
//                             compile mode "exec" (their values are not shown)
//   "part", "compile_mode"    a docstring example's part: its number and xdoctest's compile
//                             mode ("exec", "eval" or "single")
//   "session"                 a `>>>` example of a page (pycon, rst doctest, MyST {doctest}):
//                             run as the Python REPL runs it (check/doctest_call.hpp)
//   "disabled", "attached", "literal"   a docstring example's namespace cell: disabled by a
//                             legacy first-line comment; docstring attached by a call; the
//                             string literal the docstring is written in (for --update)
#pragma once

#include "notebook/notebook.hpp"

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace docnb {

// The key of docnb's own metadata, in cells, notebooks and kernelspecs.
inline constexpr std::string_view metadata_key = "docnb";

// The name of one example, as every report, `docnb list` and the command line spell it:
//   path::Cell N       a notebook's code cell N (counted from 0 among code cells, as nbval)
//   path:LINE          a code block of a Markdown or rst page or a script, by its first line
//   path::NAME         a docstring example, xdoctest's "callname:N" ("Square.area:0")
class ExampleId {
public:
  enum class Kind { cell, line, named };

  ExampleId() = default;
  [[nodiscard]] static ExampleId cell(std::string file, std::size_t code_cell);
  [[nodiscard]] static ExampleId line(std::string file, std::size_t line);
  [[nodiscard]] static ExampleId named(std::string file, std::string name);
  // The inverse of str(); nullopt for text that names no example.
  [[nodiscard]] static std::optional<ExampleId> parse(std::string_view text);

  [[nodiscard]] std::string str() const;
  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] const std::string& file() const { return file_; }
  // What follows the file: "Cell 3", "42" or "Square.area:0".
  [[nodiscard]] std::string local_name() const;
  [[nodiscard]] bool empty() const { return file_.empty() && name_.empty(); }

  friend bool operator==(const ExampleId&, const ExampleId&) = default;
  friend auto operator<=>(const ExampleId&, const ExampleId&) = default;

private:
  ExampleId(std::string file, Kind kind, std::size_t number, std::string name);

  std::string file_;
  Kind kind_ = Kind::line;
  std::size_t number_ = 0; // the code cell or the line
  std::string name_;       // a docstring example's name
};

enum class CellRole {
  part,              // an example's code
  setup,             // a page's hidden setup code
  cleanup,           // a page's hidden cleanup code
  example_namespace, // prepares a docstring example's namespace
};

struct SourceMap {
  ExampleId example;
  int line = 0;
  int last_line = 0;
  std::optional<std::string> want;
  int want_line = 0;
  int want_last_line = 0;
  std::optional<std::string> options;
  std::optional<std::string> skip;
  std::optional<std::string> skipif;
  std::optional<std::string> group;
  std::optional<std::string> rules;
  CellRole role = CellRole::part;
  std::optional<std::size_t> part;
  std::string compile_mode; // empty: not a docstring part
  bool session = false;
  bool disabled = false;
  bool attached = false;
  Json literal; // null unless a docstring's namespace cell

  // A page's setup or cleanup code: not an example, reported only when it fails.
  [[nodiscard]] bool hidden() const { return role == CellRole::setup || role == CellRole::cleanup; }
};

// The number of the cell at `index` among the code cells before it: the N of "Cell N".
[[nodiscard]] std::size_t code_cell_number(const Json& cells, std::size_t index);

// The source map of a code cell; nullopt for a notebook's own cell, which has none.
[[nodiscard]] std::optional<SourceMap> source_map_of(const Json& cell);
// Whether a cell carries a source map (it came from a text source).
[[nodiscard]] bool has_source_map(const Json& cell);
// The cell's metadata with `map` written in (and nbsphinx's "hidden" for hidden roles).
void set_source_map(Json& cell, const SourceMap& map);

// What a converted notebook records of its source as a whole.
struct NotebookSource {
  std::string kind;         // "docstring" for a module's examples; empty otherwise
  std::string module;       // the module's dotted name
  std::string encoding;     // the module file's encoding ("utf-8", "latin-1", "binary")
  std::string front_matter; // a Markdown page's YAML front matter, without its fences
};

[[nodiscard]] NotebookSource notebook_source_of(const Notebook& notebook);
void set_notebook_source(Notebook& notebook, const NotebookSource& source);

} // namespace docnb
