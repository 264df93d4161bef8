// Python modules as docstring examples, xdoctest-compatible: which files a module or
// package covers, the examples of each file with their places in it, and their ids
// (`path::Class.method:N`, exactly as xdoctest names them).
#pragma once

#include "converters/docstring_extract.hpp"
#include "converters/docstring_options.hpp"
#include "converters/docstring_parse.hpp"
#include "converters/source.hpp"
#include "support/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb::converters {

struct DocstringPart {
  std::string source;              // the code, prompts removed
  std::optional<std::string> want; // nullopt: output not checked
  std::string compile_mode;        // "exec", "eval" (value repr()'d) or "single"
  int line = 0, last_line = 0;     // 1-based lines of the code in the file
  int want_line = 0, want_last_line = 0;
};

struct DocstringExample {
  std::string id;       // "<path>::<callname>:<num>"
  std::string callname; // "Class.method"; for an attached docstring the target as written
  int num = 0;
  int line = 0;          // 1-based line in the file where the example's code starts
  bool disabled = false; // a legacy `>>> # DISABLE_DOCTEST` first line
  bool attached = false;
  DocstringLiteral literal; // how its docstring is written, for --update
  std::vector<DocstringPart> parts;
};

struct DocstringModule {
  std::filesystem::path path;
  std::string module_name; // dotted name it is imported by ("torch.nn.modules.conv")
  std::string original;    // the file's bytes
  std::string encoding;    // their encoding (a coding cookie's, else utf-8)
  std::vector<DocstringExample> examples;
  std::vector<std::string> warnings; // "path:line: message"
};

// The examples of one Python file. An unreadable file (syntax error, undecodable bytes) is
// an error at file:line; a docstring whose examples do not parse is a warning.
[[nodiscard]] Result<DocstringModule> read_docstring_examples(const std::filesystem::path& path,
                                                              const DocstringOptions& options);

// The examples of `bytes`, the source of the (not compiled) Python file `path`: what
// read_docstring_examples does once it has read the file.
[[nodiscard]] Result<DocstringModule>
docstring_examples_of_source(const std::filesystem::path& path, std::string bytes,
                             const DocstringOptions& options);

// The dotted module name of a file, from the packages (folders with __init__.py) around it.
[[nodiscard]] std::string module_name_of(const std::filesystem::path& file);

// The folder a module's top package sits in: what must be on sys.path to import it by name.
[[nodiscard]] std::filesystem::path import_root(const std::filesystem::path& file,
                                                const std::string& module_name);

// A compiled extension module (`_C.cpython-311-x86_64-linux-gnu.so`): read by importing it.
[[nodiscard]] bool is_compiled_module(const std::filesystem::path& file);

// Whether `exclude` (fnmatch globs) matches the dotted module name of `file`.
[[nodiscard]] bool is_excluded_module(const std::filesystem::path& file,
                                      const std::vector<std::string>& exclude);

// The Python files a module or package covers, as xdoctest's package_modpaths walks them
// (a package's __init__.py first, then the rest sorted; sub-folders only when they are
// packages), without the modules `exclude` matches. Compiled extension modules are among them
// when `analysis` imports them.
[[nodiscard]] std::vector<std::filesystem::path>
python_files_of(const std::filesystem::path& root, const std::vector<std::string>& exclude,
                DocstringOptions::Analysis analysis);

// `--module torch`: the file or package folder of a module, found on the embedded
// interpreter's sys.path (and the current folder) without importing it.
[[nodiscard]] Result<std::filesystem::path> resolve_module(const std::string& name);

struct ListedExamples {
  std::vector<std::string> ids; // xdoctest's order within a file
  std::vector<Error> problems;  // files that could not be read; the others are listed
  std::vector<std::string> warnings;
};

// Every example id under `roots` (files or package folders), as `xdoctest ROOT --command=list`
// lists them.
[[nodiscard]] ListedExamples
list_docstring_examples(const std::vector<std::filesystem::path>& roots,
                        const DocstringOptions& options);

} // namespace docnb::converters
