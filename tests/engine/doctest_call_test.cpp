#include "engine/doctest_call.hpp"
#include "notebook/source_map.hpp"

#include <catch2/catch.hpp>

using docnb::CellRole;
using docnb::doctest_part_code;
using docnb::ExampleId;
using docnb::Json;
using docnb::SourceMap;

namespace {

Json cell_of(const std::string& source, const SourceMap& map) {
  Json cell{{"cell_type", "code"}, {"source", source}, {"metadata", Json::object()}};
  docnb::set_source_map(cell, map);
  return cell;
}

} // namespace

TEST_CASE("a page's session example is a call of the runner in single mode",
          "[engine][doctest_call]") {
  SourceMap map;
  map.example = ExampleId::line("docs/page.md", 7);
  map.line = 9;
  map.session = true;
  const auto code = doctest_part_code(cell_of("s = 'a\\'b\"'\nprint(s)", map));
  REQUIRE(code);
  // The source travels as a string literal, byte for byte; the call is one line.
  CHECK(*code == "__import__('__docnb_doctest').run(globals(), \"s = 'a\\\\'b\\\"'\\nprint(s)\", "
                 "\"single\", \"docs/page.md\", 9)");
  CHECK(code->find('\n') == std::string::npos);
}

TEST_CASE("a docstring part keeps xdoctest's mode and runs in its example's namespace",
          "[engine][doctest_call]") {
  SourceMap map;
  map.example = ExampleId::named("pkg/mod.py", "area:0");
  map.line = 12;
  map.part = 0;
  map.compile_mode = "eval";
  CHECK(doctest_part_code(cell_of("1 + 1", map)) ==
        "__import__('__docnb_doctest').run(None, \"1 + 1\", \"eval\", \"pkg/mod.py\", 12)");
  // The namespace cell's call of its function is made on the runner's copy of the function,
  // which the cell need not define again; a cell not ending in that call is sent as it is.
  map.role = CellRole::example_namespace;
  map.compile_mode.clear();
  CHECK(doctest_part_code(cell_of("# comment\ndef __docnb_fresh_namespace(shell, m):\n    pass\n"
                                  "__docnb_fresh_namespace(get_ipython(), \"m\\n\")",
                                  map)) ==
        "__import__('__docnb_doctest').__docnb_fresh_namespace(get_ipython(), \"m\\n\")");
  CHECK(doctest_part_code(cell_of("setup()", map)) == "setup()");
  CHECK(doctest_part_code(cell_of("__docnb_fresh_namespace(1)\nmore()", map)) ==
        "__docnb_fresh_namespace(1)\nmore()");
}

TEST_CASE("a page's Sphinx testcode runs in the page's namespace in its own mode",
          "[engine][doctest_call]") {
  // The sphinx rule set gives a testcode block "exec": it is a page's cell, not a docstring's.
  SourceMap map;
  map.example = ExampleId::line("docs/page.rst", 4);
  map.line = 6;
  map.compile_mode = "exec";
  CHECK(
      doctest_part_code(cell_of("print(1)", map)) ==
      "__import__('__docnb_doctest').run(globals(), \"print(1)\", \"exec\", \"docs/page.rst\", 6)");
}

TEST_CASE("other cells are sent as they are", "[engine][doctest_call]") {
  CHECK_FALSE(doctest_part_code(Json{{"cell_type", "code"}, {"source", "1"}}));
  SourceMap output_block; // a Markdown code + output block: a want, no session
  output_block.example = ExampleId::line("page.md", 3);
  output_block.want = "1\n";
  CHECK_FALSE(doctest_part_code(cell_of("1", output_block)));
  SourceMap setup; // a page's hidden setup
  setup.example = ExampleId::line("page.md", 1);
  setup.role = CellRole::setup;
  setup.session = true;
  CHECK_FALSE(doctest_part_code(cell_of("import os", setup)));
}

TEST_CASE("the runner installs itself from an exec of its source", "[engine][doctest_call]") {
  const std::string install = docnb::doctest_runner_install();
  CHECK(install.starts_with("__import__('sys').modules.get('__docnb_doctest') or exec(\""));
  CHECK(install.ends_with(", {'__name__': '__docnb_doctest'})"));
  CHECK(install.find("def run(namespace, source, mode, filename, line)") != std::string::npos);
  // The namespace function comes before the runner's own code, which ends in its install.
  const std::size_t fresh = install.find("def __docnb_fresh_namespace(");
  REQUIRE(fresh != std::string::npos);
  CHECK(fresh < install.find("def run(namespace, source, mode, filename, line)"));
}
