// Docstring modules as files: which files a package covers, what each is named when
// imported, and where --module finds one.
#include "converters/docstring.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace docnb::converters;

namespace {

const std::filesystem::path fixtures =
    std::filesystem::path(DOCNB_SOURCE_DIR) / "tests" / "fixtures" / "docstrings";

} // namespace

TEST_CASE("python_files_of walks packages as xdoctest does", "[docstring]") {
  const auto root = fixtures / "pkg";
  std::vector<std::string> names;
  for (const auto& file : python_files_of(root, {}, DocstringOptions::Analysis::automatic)) {
    names.push_back(std::filesystem::relative(file, fixtures).string());
  }
  CHECK(names == std::vector<std::string>{"pkg/__init__.py", "pkg/a.py", "pkg/sub/__init__.py",
                                          "pkg/sub/b.py"});
  names.clear();
  for (const auto& file :
       python_files_of(root, {"pkg.sub*"}, DocstringOptions::Analysis::automatic)) {
    names.push_back(std::filesystem::relative(file, fixtures).string());
  }
  CHECK(names == std::vector<std::string>{"pkg/__init__.py", "pkg/a.py"});
  CHECK(module_name_of(root / "sub" / "b.py") == "pkg.sub.b");
  CHECK(module_name_of(root / "__init__.py") == "pkg");
}

TEST_CASE("module names, import roots and exclusions", "[docstring]") {
  const auto b = fixtures / "pkg" / "sub" / "b.py";
  CHECK(import_root(b, "pkg.sub.b") == fixtures);
  CHECK(import_root(fixtures / "pkg" / "__init__.py", "pkg") == fixtures);
  CHECK(is_excluded_module(b, {"pkg.sub.*"}));
  CHECK(is_excluded_module(b, {"other", "*.b"}));
  CHECK_FALSE(is_excluded_module(b, {"pkg.a"}));
  CHECK_FALSE(is_excluded_module(b, {}));
  CHECK(is_compiled_module("_C.cpython-311-x86_64-linux-gnu.so"));
  CHECK_FALSE(is_compiled_module("a.py"));
}

TEST_CASE("a module named by --module is found on the interpreter's path without importing it",
          "[docstring]") {
  const docnb::Result<std::filesystem::path> json = resolve_module("json");
  REQUIRE(json.ok());
  CHECK(json->filename() == "json");
  CHECK(std::filesystem::exists(*json / "__init__.py"));
  const docnb::Result<std::filesystem::path> missing = resolve_module("no_such_module_here_x");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "no module named 'no_such_module_here_x'");
}
