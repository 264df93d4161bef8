#include "converters/docstring.hpp"

#include "converters/docstring_extract.hpp"
#include "converters/python_runtime.hpp"
#include "support/atomic_file.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <fnmatch.h>

namespace docnb::converters {

namespace fs = std::filesystem;

namespace {

int source_line(const Docstring& doc, int docstring_line) {
  if (doc.lines.empty()) return 0;
  const auto index =
      static_cast<size_t>(std::clamp(docstring_line, 0, static_cast<int>(doc.lines.size()) - 1));
  return doc.lines[index];
}

// The docstring's first `>>>` line from `line` on: where a block that does not parse starts
// to be examples, so that the warning points at code and not at the docstring's quotes.
int first_prompt_line(const std::string& text, int line) {
  int number = 0;
  for (std::size_t start = 0; start < text.size(); ++number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (number >= line &&
        trim(std::string_view(text).substr(start, end - start)).starts_with(">>>"))
      return number;
    start = end + 1;
  }
  return line;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i];
  }
  return out;
}

DocstringExample to_example(const std::string& path, const Docstring& doc, const DocExample& ex) {
  DocstringExample example;
  example.callname = doc.callname;
  example.num = ex.num;
  example.id = path + "::" + doc.callname + ":" + std::to_string(ex.num);
  example.line = source_line(doc, ex.line);
  example.disabled = ex.disabled;
  example.attached = doc.attached;
  example.literal = doc.literal;
  for (const auto& part : ex.parts) {
    DocstringPart out;
    out.source = joined(part.exec_lines);
    out.want = part.want;
    out.compile_mode = part.compile_mode;
    out.line = source_line(doc, part.line);
    out.last_line = source_line(doc, part.line + static_cast<int>(part.orig_lines.size()) - 1);
    if (part.want) {
      out.want_line = source_line(doc, part.want_line);
      out.want_last_line = source_line(doc, part.want_line + part.want_line_count - 1);
    }
    example.parts.push_back(std::move(out));
  }
  return example;
}

DocstringModule module_of(const fs::path& path, std::string bytes,
                          const ModuleDocstrings& docstrings, const DocstringOptions& options) {
  const std::string where = path.string();
  DocstringModule module;
  module.path = path;
  module.module_name = module_name_of(path);
  module.original = std::move(bytes);
  module.encoding = docstrings.encoding;
  for (const auto& doc : docstrings.docstrings) {
    const ParsedDocstring parsed = parse_docstring(doc.text, options.style);
    for (const auto& example : parsed.examples) {
      module.examples.push_back(to_example(where, doc, example));
    }
    for (const auto& [line, message] : parsed.problems) {
      module.warnings.push_back(
          where + ":" + std::to_string(source_line(doc, first_prompt_line(doc.text, line))) +
          ": cannot parse the examples of " + doc.callname + ": " + message);
    }
  }
  return module;
}

} // namespace

bool is_excluded_module(const fs::path& file, const std::vector<std::string>& exclude) {
  if (exclude.empty()) return false;
  const std::string module_name = module_name_of(file);
  return std::any_of(exclude.begin(), exclude.end(), [&](const std::string& pattern) {
    return fnmatch(pattern.c_str(), module_name.c_str(), 0) == 0;
  });
}

bool is_compiled_module(const fs::path& file) {
  return file.extension() == ".so";
}

std::string module_name_of(const fs::path& file) {
  const fs::path absolute = fs::absolute(file).lexically_normal();
  std::vector<std::string> parts;
  if (is_compiled_module(absolute)) {
    // `_C.cpython-311-x86_64-linux-gnu.so` is module `_C`: the tag is the import system's.
    const std::string name = absolute.filename().string();
    parts.push_back(name.substr(0, name.find('.')));
  } else if (absolute.filename() != "__init__.py") {
    parts.push_back(absolute.stem().string());
  }
  fs::path dir = absolute.parent_path();
  while (fs::exists(dir / "__init__.py")) {
    parts.push_back(dir.filename().string());
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  std::string name;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!name.empty()) name += '.';
    name += *it;
  }
  return name;
}

fs::path import_root(const fs::path& file, const std::string& module_name) {
  fs::path root = fs::absolute(file).lexically_normal().parent_path();
  const auto dots = static_cast<size_t>(std::count(module_name.begin(), module_name.end(), '.'));
  const bool is_package_init = file.filename() == "__init__.py";
  // a.b.c lives in root/a/b/c.py (two folders up) or root/a/b/c/__init__.py (three).
  const size_t ups = dots + (is_package_init ? 1 : 0);
  for (size_t i = 0; i < ups; ++i)
    root = root.parent_path();
  return root;
}

Result<DocstringModule> read_docstring_examples(const fs::path& path, std::string bytes,
                                                const DocstringOptions& options) {
  if (!is_compiled_module(path)) {
    Result<ModuleDocstrings> docstrings =
        extract_docstrings(bytes, path.string(), options.attach_calls);
    if (!docstrings) return docstrings.error();
    return module_of(path, std::move(bytes), *docstrings, options);
  }
  if (options.analysis != DocstringOptions::Analysis::automatic) {
    return Error{"a compiled module has no source for static analysis (--analysis auto imports "
                 "it)",
                 path.string()};
  }
  const std::string module_name = module_name_of(path);
  Result<ModuleDocstrings> docstrings =
      compiled_module_docstrings(module_name, import_root(path, module_name), path.string());
  if (!docstrings) return docstrings.error();
  return module_of(path, std::move(bytes), *docstrings, options);
}

std::vector<fs::path> python_files_of(const fs::path& root, const std::vector<std::string>& exclude,
                                      DocstringOptions::Analysis analysis) {
  const bool with_compiled = analysis == DocstringOptions::Analysis::automatic;
  std::vector<fs::path> files;
  auto keep = [&](const fs::path& file) {
    if (!is_excluded_module(file, exclude)) files.push_back(file);
  };
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    keep(root);
    return files;
  }
  if (fs::exists(root / "__init__.py")) keep(root / "__init__.py");
  std::vector<fs::path> found;
  // Only folders that are packages are entered, as xdoctest's package_modpaths does.
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = pending.back();
    pending.pop_back();
    if (!fs::exists(dir / "__init__.py")) continue;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const fs::path& p = entry.path();
      if (entry.is_directory(ec)) {
        if (fs::exists(p / "__init__.py")) found.push_back(p / "__init__.py");
        pending.push_back(p);
      } else if ((p.extension() == ".py" && p.filename() != "__init__.py") ||
                 (with_compiled && is_compiled_module(p))) {
        found.push_back(p);
      }
    }
  }
  std::sort(found.begin(), found.end());
  for (const auto& file : found)
    keep(file);
  return files;
}

Result<fs::path> resolve_module(const std::string& name) {
  return python::with_python([&]() -> Result<fs::path> {
    try {
      const pybind11::object found = python::helpers().attr("module_path")(name);
      if (found.is_none()) return Error{"no module named '" + name + "'", ""};
      return fs::path(found.cast<std::string>());
    } catch (pybind11::error_already_set& ex) {
      return Error{"cannot look up module '" + name + "': " + ex.what(), ""};
    }
  });
}

ListedExamples list_docstring_examples(const std::vector<fs::path>& roots,
                                       const DocstringOptions& options) {
  ListedExamples listed;
  for (const auto& root : roots) {
    for (const auto& file : python_files_of(root, options.exclude, options.analysis)) {
      Result<std::string> bytes = read_file_bytes(file);
      if (!bytes) {
        listed.problems.push_back(bytes.error());
        continue;
      }
      auto module = read_docstring_examples(file, std::move(bytes).value(), options);
      if (!module) {
        listed.problems.push_back(module.error());
        continue;
      }
      for (const auto& example : module->examples)
        listed.ids.push_back(example.id);
      for (auto& warning : module->warnings)
        listed.warnings.push_back(std::move(warning));
    }
  }
  return listed;
}

} // namespace docnb::converters
