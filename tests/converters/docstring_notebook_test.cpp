#include "converters/docstring_notebook.hpp"
#include "support/atomic_file.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::converters;

namespace {

std::string file_bytes(const std::filesystem::path& file) {
  auto bytes = docnb::read_file_bytes(file);
  return bytes ? std::move(bytes).value() : std::string();
}

const std::filesystem::path fixtures =
    std::filesystem::path(DOCNB_SOURCE_DIR) / "tests" / "fixtures" / "docstrings";

} // namespace

TEST_CASE("a module is one notebook: per example a title, a hidden setup cell and its parts",
          "[docstring]") {
  DocstringOptions options;
  options.global_exec = "import math";
  options.options = "+IGNORE_WHITESPACE";
  auto converted = read_docstring_module(fixtures / "namespaces.py",
                                         file_bytes(fixtures / "namespaces.py"), options);
  REQUIRE(converted.ok());
  CHECK(converted->kind == SourceKind::docstring);
  const Json& doc = converted->notebook.document;
  CHECK(doc["nbformat"] == 4);
  CHECK(doc["nbformat_minor"] == 5);
  CHECK(doc["metadata"]["kernelspec"]["name"] == "python3");
  const Json& cells = doc["cells"];
  // first: title, setup, 2 parts; second: title, setup, 6 parts
  REQUIRE(cells.size() == 12);
  const std::string id0 = (fixtures / "namespaces.py").string() + "::first:0";
  CHECK(cells[0]["cell_type"] == "markdown");
  CHECK(cells[0]["source"] == "`" + id0 + "`");

  const Json& setup = cells[1];
  CHECK(setup["cell_type"] == "code");
  CHECK(setup["metadata"]["nbsphinx"] == "hidden");
  CHECK(setup["metadata"]["docnb"]["role"] == "namespace");
  CHECK(setup["metadata"]["docnb"]["example"] == id0);
  CHECK(setup["metadata"]["docnb"]["options"] == "+IGNORE_WHITESPACE");
  const std::string code = setup["source"];
  CHECK_THAT(code, Catch::Contains("pprint = False"));
  CHECK_THAT(code, Catch::Contains("namespace.clear()"));
  CHECK_THAT(code, Catch::Contains("def __docnb_fresh_namespace(shell, "));
  CHECK_THAT(code, Catch::EndsWith("\n__docnb_fresh_namespace(get_ipython(), \"namespaces\", \"" +
                                   fixtures.string() + "\", \"import math\")"));

  const Json& part = cells[3]["metadata"]["docnb"];
  CHECK(cells[3]["source"] == "LIMIT");
  CHECK(part == Json{{"line", 11},
                     {"last_line", 11},
                     {"example", id0},
                     {"part", 1},
                     {"compile_mode", "eval"},
                     {"want", "3"},
                     {"want_line", 12},
                     {"want_last_line", 12},
                     {"options", "+IGNORE_WHITESPACE"}});
  CHECK_FALSE(cells[2]["metadata"]["docnb"].contains("want"));

  const Json& raising = cells[11]["metadata"]["docnb"];
  CHECK(cells[11]["source"] == "1 / 0");
  CHECK(raising["want"] ==
        "Traceback (most recent call last):\nZeroDivisionError: division by zero");
  CHECK(raising["want_line"] == 29);
  CHECK(raising["want_last_line"] == 30);
  // The want-less print before it is a part of its own (its output is deferred).
  CHECK(cells[10]["source"] == "print('deferred')");
  CHECK_FALSE(cells[10]["metadata"]["docnb"].contains("want"));
}

TEST_CASE("a disabled example's cells are marked skipped", "[docstring]") {
  DocstringOptions options;
  options.style = DocStyle::freeform;
  auto converted = read_docstring_module(fixtures / "freeform.py",
                                         file_bytes(fixtures / "freeform.py"), options);
  REQUIRE(converted.ok());
  const Json& cells = converted->notebook.document["cells"];
  int skipped = 0;
  for (const auto& cell : cells) {
    if (cell["cell_type"] != "code") continue;
    const Json& docnb = cell["metadata"]["docnb"];
    const bool is_legacy =
        docnb["example"].get<std::string>().find("::legacy:0") != std::string::npos;
    CHECK(docnb.contains("skip") == is_legacy);
    skipped += docnb.contains("skip") ? 1 : 0;
  }
  CHECK(skipped == 2); // its setup cell and its one part
}

TEST_CASE("the setup code quotes any text safely", "[docstring]") {
  DocstringModule module;
  module.path = "/tmp/m.py";
  module.module_name = "m";
  DocstringExample example;
  example.id = "m.py::f:0";
  DocstringOptions options;
  options.global_exec = "x = 'a'\nprint(\"\\t\")";
  const std::string code = docstring_setup_code(module, example, options);
  // The JSON form of each argument, which Python reads as the same string.
  CHECK_THAT(code, Catch::Contains(
                       "(get_ipython(), \"m\", \"/tmp\", \"x = 'a'\\nprint(\\\"\\\\t\\\")\")"));
}
