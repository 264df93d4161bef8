#include "converters/source.hpp"

#include "converters/docstring.hpp"
#include "converters/docstring_notebook.hpp"
#include "converters/gallery.hpp"
#include "converters/markdown.hpp"
#include "converters/percent.hpp"
#include "converters/rst.hpp"
#include "notebook/read.hpp"
#include "support/atomic_file.hpp"

#include <fnmatch.h>

namespace docnb::converters {
namespace fs = std::filesystem;
namespace {

bool matches_any(const std::string& name, const std::vector<std::string>& patterns) {
  for (const std::string& pattern : patterns) {
    if (::fnmatch(pattern.c_str(), name.c_str(), 0) == 0) return true;
  }
  return false;
}

// .py files that are not galleries: a `# %%` line makes a jupytext percent script.
std::optional<SourceKind> python_kind(const fs::path& path, std::string_view bytes,
                                      const ConvertOptions& options) {
  if (matches_any(path.filename().string(), options.gallery_patterns)) return SourceKind::gallery;
  if (is_percent_script(bytes)) return SourceKind::percent;
  // --exclude names modules by their dotted names, as xdoctest's does.
  if (is_excluded_module(path, options.docstrings.exclude)) return std::nullopt;
  return SourceKind::docstring;
}

// The kinds a name alone decides; .py files are left to their content.
std::optional<SourceKind> kind_by_name(const fs::path& path, const ConvertOptions& options) {
  const std::string extension = path.extension().string();
  if (extension == ".ipynb") return SourceKind::notebook;
  if (extension == ".md" || extension == ".markdown") return SourceKind::markdown;
  if (extension == ".rst" || extension == ".rest") return SourceKind::rst;
  if (extension == ".txt" && options.txt_as_rst) return SourceKind::rst;
  // A compiled module of a package, read by importing it, as xdoctest's auto analysis does.
  std::error_code ec;
  if (is_compiled_module(path) &&
      options.docstrings.analysis == DocstringOptions::Analysis::automatic &&
      fs::exists(path.parent_path() / "__init__.py", ec) &&
      !is_excluded_module(path, options.docstrings.exclude)) {
    return SourceKind::docstring;
  }
  return std::nullopt;
}

Result<Converted> with_page_setup(Result<Converted> converted, const ConvertOptions& options) {
  if (converted) add_page_setup(converted->notebook, options.rules);
  return converted;
}

} // namespace

std::string_view to_string(SourceKind kind) {
  switch (kind) {
  case SourceKind::notebook:
    return "notebook";
  case SourceKind::markdown:
    return "markdown";
  case SourceKind::rst:
    return "rst";
  case SourceKind::percent:
    return "percent";
  case SourceKind::gallery:
    return "gallery";
  case SourceKind::docstring:
    return "docstring";
  }
  return "unknown";
}

bool is_source_file(const fs::path& path, const ConvertOptions& options) {
  if (path.extension() == ".py") {
    return matches_any(path.filename().string(), options.gallery_patterns) ||
           !is_excluded_module(path, options.docstrings.exclude);
  }
  return kind_by_name(path, options).has_value();
}

std::optional<SourceKind> source_kind(const fs::path& path, std::string_view bytes,
                                      const ConvertOptions& options) {
  if (path.extension() == ".py") return python_kind(path, bytes, options);
  return kind_by_name(path, options);
}

Result<Converted> convert_source(const fs::path& path, std::string bytes,
                                 const ConvertOptions& options) {
  const std::optional<SourceKind> kind = source_kind(path, bytes, options);
  if (!kind) return Error{"not a source docnb reads (.ipynb, .md, .rst, .py)", path.string()};
  const std::string name = path.string();
  switch (*kind) {
  case SourceKind::notebook: {
    // Parsed from the very bytes kept in `original`: --update compares them with the file
    // right before replacing it.
    Result<Notebook> notebook = read_notebook_text(bytes, path);
    if (!notebook) return notebook.error();
    Converted converted{SourceKind::notebook, std::move(notebook).value(), std::move(bytes), {}};
    if (!options.rules.options.empty() || !options.rules.global_setup.empty()) {
      // A notebook's cells are no doctest examples: said, not silently ignored.
      converted.warnings.push_back(name + ": --options and --global-exec do not apply to a "
                                          "notebook's cells");
    }
    return converted;
  }
  case SourceKind::markdown:
    return with_page_setup(read_markdown(bytes, name, markdown_rules(options.rules)), options);
  case SourceKind::rst:
    return with_page_setup(read_rst(bytes, name, rst_rules(options.rules)), options);
  case SourceKind::percent:
    return read_percent(bytes, name);
  case SourceKind::gallery:
    return read_gallery(bytes, name);
  case SourceKind::docstring: {
    Result<Converted> converted = read_docstring_module(path, std::move(bytes), options.docstrings);
    if (converted) apply_docstring_rules(converted->notebook, docstring_rules(options.rules));
    return converted;
  }
  }
  return Error{"no converter for " + std::string(to_string(*kind)) + " sources", name};
}

Result<Converted> read_source(const fs::path& path, const ConvertOptions& options) {
  if (!is_source_file(path, options)) {
    return Error{"not a source docnb reads (.ipynb, .md, .rst, .py)", path.string()};
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Error{"is a directory", path.string()};
  Result<std::string> bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return convert_source(path, std::move(bytes).value(), options);
}

} // namespace docnb::converters
