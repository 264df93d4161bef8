#include "engine/converted_sources.hpp"
#include "support/atomic_file.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <sqlite3.h>

using namespace docnb;
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

constexpr const char* module_text = R"(def add(a, b):
    """
    Example:
        >>> add(1, 2)
        3
    """
    return a + b
)";

std::vector<std::string> example_ids(const converters::Converted& converted) {
  std::vector<std::string> ids;
  for (const Json& cell : converted.notebook.cells()) {
    const std::optional<SourceMap> map = source_map_of(cell);
    const std::string id = map ? map->example.str() : std::string();
    if (!id.empty() && (ids.empty() || ids.back() != id)) ids.push_back(id);
  }
  return ids;
}

struct Project {
  TempDir dir = TempDir::create("docnb-converted-test").value();
  std::vector<std::string> warnings;
  Cache cache = Cache::open(dir.path() / "cache.sqlite", warnings).value();
  fs::path module = dir.path() / "calc.py";
  converters::ConvertOptions options;

  Result<converters::Converted> read() { return read_cached(module, &cache); }

  Result<converters::Converted> read_cached(const fs::path& path, Cache* with) {
    Result<std::string> bytes = read_file_bytes(path);
    if (!bytes) return bytes.error();
    return convert_source_cached(path, std::move(bytes).value(), options, with, dir.path());
  }
};

} // namespace

TEST_CASE("a converted module is kept and served by its bytes and options",
          "[engine][converted_sources]") {
  Project project;
  write_file(project.module, module_text);
  const Result<converters::Converted> first = project.read();
  REQUIRE(first);
  CHECK(example_ids(*first) == std::vector<std::string>{project.module.string() + "::add:0"});
  CHECK(project.cache.info().conversions == 1);

  // What is served is the stored entry, not a new conversion: one put in under the module's
  // key is what comes back, with the file's bytes as the original.
  converters::Converted planted = *first;
  planted.notebook.cells().clear();
  const Json stored{{"notebook", planted.notebook.document}, {"warnings", {"calc.py:1: planted"}}};
  const std::string key = conversion_key(project.module, module_text, project.options);
  REQUIRE(project.cache.store_conversion("calc.py", key, stored.dump()));
  const Result<converters::Converted> served = project.read();
  REQUIRE(served);
  CHECK(served->kind == converters::SourceKind::docstring);
  CHECK(served->notebook.cells().empty());
  CHECK(served->notebook.path == project.module);
  CHECK(served->original == module_text);
  CHECK(served->warnings == std::vector<std::string>{"calc.py:1: planted"});

  // Other bytes, or other options, are another key: the module is converted anew.
  SECTION("an edited module") {
    write_file(project.module, std::string(module_text) + R"(

def sub(a, b):
    """
    >>> sub(3, 1)
    2
    """
    return a - b
)");
    const Result<converters::Converted> edited = project.read();
    REQUIRE(edited);
    CHECK(example_ids(*edited).size() == 2);
  }
  SECTION("other options") {
    project.options.docstrings.global_exec = "import math";
    const Result<converters::Converted> other = project.read();
    REQUIRE(other);
    CHECK(example_ids(*other).size() == 1);
    CHECK(other->warnings.empty());
  }
}

TEST_CASE("the conversion key changes with everything a conversion depends on",
          "[engine][converted_sources]") {
  TempDir dir = TempDir::create("docnb-converted-test").value();
  const fs::path module = dir.path() / "calc.py";
  const converters::ConvertOptions options;
  const std::string key = conversion_key(module, module_text, options);
  CHECK(conversion_key(module, module_text, options) == key);
  CHECK(conversion_key(module, std::string(module_text) + "\n", options) != key);
  CHECK(conversion_key(dir.path() / "." / "calc.py", module_text, options) != key);
  for (const auto& change : std::vector<std::function<void(converters::ConvertOptions&)>>{
           [](auto& o) { o.docstrings.style = converters::DocStyle::google; },
           [](auto& o) {
             o.docstrings.analysis = converters::DocstringOptions::Analysis::static_only;
           },
           [](auto& o) { o.docstrings.attach_calls = {"add_docstr"}; },
           [](auto& o) { o.docstrings.global_exec = "import torch"; },
           [](auto& o) { o.docstrings.options = "+IGNORE_WHITESPACE"; },
           [](auto& o) { o.docstrings.exclude = {"*.private"}; }}) {
    converters::ConvertOptions changed = options;
    change(changed);
    CHECK(conversion_key(module, module_text, changed) != key);
  }
  // A module inside a package is named by it: the same file is another module there.
  write_file(dir.path() / "__init__.py", "");
  CHECK(conversion_key(module, module_text, options) != key);
}

TEST_CASE("a damaged or unreadable entry is converted anew, a failed conversion never kept",
          "[engine][converted_sources]") {
  Project project;
  write_file(project.module, module_text);
  REQUIRE(project.read());
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open((project.dir.path() / "cache.sqlite").c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "UPDATE conversions SET converted = replace(converted, 'add', 'mul')",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  const Result<converters::Converted> again = project.read();
  REQUIRE(again);
  CHECK(example_ids(*again) == std::vector<std::string>{project.module.string() + "::add:0"});
  // The digest matches but the text is no stored conversion: a miss too.
  REQUIRE(sqlite3_exec(raw,
                       "UPDATE conversions SET converted = '[1]', converted_sha256 = "
                       "'080a9ed428559ef602668b4c00f114f1a11c3f6b02a435f0bdc154578e4d7f22'",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  const Result<converters::Converted> once_more = project.read();
  REQUIRE(once_more);
  CHECK(example_ids(*once_more).size() == 1);

  write_file(project.module, "def broken(:\n");
  REQUIRE(project.cache.clear());
  const Result<converters::Converted> broken = project.read();
  REQUIRE_FALSE(broken);
  CHECK(broken.error().describe().find("calc.py:1") != std::string::npos);
  CHECK(project.cache.info().conversions == 0);
  CHECK_FALSE(project.read());
}

TEST_CASE("sources other than docstring modules, and a run without a cache, read the file",
          "[engine][converted_sources]") {
  Project project;
  const fs::path page = project.dir.path() / "page.md";
  write_file(page, "```python\nprint(1)\n```\n");
  const Result<converters::Converted> converted = project.read_cached(page, &project.cache);
  REQUIRE(converted);
  CHECK(converted->kind == converters::SourceKind::markdown);
  write_file(project.module, module_text);
  REQUIRE(project.read_cached(project.module, nullptr));
  CHECK(project.cache.info().conversions == 0);
}
