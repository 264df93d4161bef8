#include "converted_cells.hpp"
#include "converters/source.hpp"
#include "support/temp_dir.hpp"

#include <fstream>

using namespace docnb;
using namespace docnb::converters;
using namespace docnb::converters::testing;
namespace fs = std::filesystem;

namespace {

fs::path write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

} // namespace

TEST_CASE("source: kinds by extension and content", "[converters][source]") {
  const ConvertOptions options;
  CHECK(source_kind("a.ipynb", "", options) == SourceKind::notebook);
  CHECK(source_kind("a.md", "", options) == SourceKind::markdown);
  CHECK(source_kind("a.rst", "", options) == SourceKind::rst);
  CHECK_FALSE(source_kind("a.txt", "", options).has_value());
  CHECK(source_kind("a.txt", "", ConvertOptions{{}, true}) == SourceKind::rst);
  CHECK(source_kind("plot_x.py", "x = 1\n", options) == SourceKind::gallery);
  CHECK(source_kind("intro_tutorial.py", "", options) == SourceKind::gallery);
  CHECK(source_kind("p.py", "# %%\nx = 1\n", options) == SourceKind::percent);
  CHECK(source_kind("m.py", "x = 1\n", options) == SourceKind::docstring);
  CHECK_FALSE(source_kind("a.html", "", options).has_value());
  CHECK(to_string(SourceKind::gallery) == "gallery");
}

TEST_CASE("source: which files are sources is decided by their names", "[converters][source]") {
  const ConvertOptions options;
  CHECK(is_source_file("a.ipynb", options));
  CHECK(is_source_file("a.md", options));
  CHECK(is_source_file("p.py", options));
  CHECK_FALSE(is_source_file("a.txt", options));
  CHECK(is_source_file("a.txt", ConvertOptions{{}, true}));
  CHECK_FALSE(is_source_file("a.html", options));
  ConvertOptions excluding;
  excluding.docstrings.exclude = {"skipped"};
  CHECK_FALSE(is_source_file("skipped.py", excluding));
  CHECK(is_source_file("plot_skipped.py", excluding));
}

TEST_CASE("source: read_source dispatches and names bad files", "[converters][source]") {
  TempDir dir = TempDir::create("docnb-source-test").value();
  const fs::path page = write_file(dir.path() / "p.md", "```python\nx = 1\n```\n");
  const Converted converted = converted_or_fail(read_source(page, {}));
  CHECK(converted.kind == SourceKind::markdown);
  CHECK(docnb_of(code_cells(converted).at(0)).at("example") == page.string() + ":2");
  CHECK(converted.original == "```python\nx = 1\n```\n");

  const Result<Converted> missing = read_source(dir.path() / "missing.md", {});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().where == (dir.path() / "missing.md").string());
  const Result<Converted> other = read_source(dir.path() / "x.html", {});
  REQUIRE_FALSE(other.ok());
}

TEST_CASE("source: a notebook keeps the exact bytes it was read from", "[converters][source]") {
  TempDir dir = TempDir::create("docnb-source-test").value();
  const std::string text = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4,\n"
                           "  \"nbformat_minor\": 5}\n";
  const fs::path path = write_file(dir.path() / "nb.ipynb", text);
  const Converted converted = converted_or_fail(read_source(path, {}));
  CHECK(converted.kind == SourceKind::notebook);
  CHECK(converted.original == text);
  CHECK_FALSE(read_source(dir.path(), {}).ok());
}
