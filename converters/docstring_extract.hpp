// Docstrings of one Python file, found statically with CPython's `ast`.
#pragma once

#include "support/result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace docnb::converters {

// How a docstring is written in the file: what writing a want back into it needs.
struct DocstringLiteral {
  enum class Form { plain, raw, other }; // other: f-string, .format(...), a compiled module, ...
  Form form = Form::other;
  std::string quote;    // the delimiter, three or one quote characters
  int closing_line = 0; // 1-based line of the closing delimiter
};

struct Docstring {
  std::string callname; // xdoctest's: "__doc__", "func", "Class", "Class.method"; attached: target
  std::string text;     // the literal's value (`.format(...)` applied with named fields kept)
  std::vector<int> lines; // 1-based source line of each line of `text`
  bool attached = false;  // found as an attach call (`add_docstr(torch.abs, r"""…""")`)
  DocstringLiteral literal;
};

struct ModuleDocstrings {
  std::string encoding; // the source's encoding (a coding cookie's, else utf-8)
  std::vector<Docstring> docstrings;
};

// The docstrings of a module's source bytes, in xdoctest's order (a name defined twice keeps
// its first place and its last docstring). `attach_calls` names the functions whose call
// `f(target, "literal")` attaches a docstring. An unreadable file is an error at `where:line`.
[[nodiscard]] Result<ModuleDocstrings>
extract_docstrings(const std::string& source, const std::string& where,
                   const std::vector<std::string>& attach_calls);

// The docstrings of a compiled extension module, by importing it as `module_name` with
// `import_root` on sys.path (xdoctest's dynamic analysis). Their lines are the docstrings' own.
// A module that fails to import is an error at `where`.
[[nodiscard]] Result<ModuleDocstrings>
compiled_module_docstrings(const std::string& module_name, const std::filesystem::path& import_root,
                           const std::string& where);

} // namespace docnb::converters
