// The notebook form of a Python module's docstring examples: one notebook per module file.
//
// Per example: a markdown cell naming it, a hidden setup cell (metadata docnb.role "namespace",
// nbsphinx "hidden") and one code cell per xdoctest part, each carrying the source map and
// want of converters/source.hpp plus "part" (its index) and "compile_mode" (xdoctest's: "eval"
// when the part's value is the result to compare).
//
// How xdoctest's run semantics are met in a Jupyter (IPython) kernel, by the setup cell:
// - Fresh namespace per example: IPython runs cells in `user_ns`; the setup cell empties it
//   (keeping only IPython's own names, `user_ns_hidden`), copies in the globals of the
//   example's module (imported by its dotted name, the package root put on sys.path), then
//   runs global_exec there. Examples of one module share the kernel process, as xdoctest
//   shares one process; an import error fails the setup cell and so the example.
// - repr(), not IPython's pretty printer: the setup cell turns the text/plain formatter's
//   `pprint` off (what `%pprint` does), so an expression's execute_result is exactly
//   `repr(value)`, which is what xdoctest compares for a part in "eval" mode.
// - What is compared (got = stdout, falling back to the repr; deferred output; exception
//   wants) is the checker's work on the cell outputs; an execute_result of a part without a
//   want is not a "result" in xdoctest's sense and must be ignored there.
#pragma once

#include "converters/docstring.hpp"
#include "converters/source.hpp"

namespace docnb::converters {

// The hidden setup cell's code for one example.
[[nodiscard]] std::string docstring_setup_code(const DocstringModule& module,
                                               const DocstringExample& example,
                                               const DocstringOptions& options);

[[nodiscard]] Notebook docstring_notebook(const DocstringModule& module,
                                          const DocstringOptions& options);

// Reads one .py file into its notebook (SourceKind::docstring). An unreadable file is an
// error at file:line; a docstring whose examples do not parse is a warning.
[[nodiscard]] Result<Converted> read_docstring_module(const std::filesystem::path& path,
                                                     std::string bytes,
                                                     const DocstringOptions& options);

} // namespace docnb::converters
