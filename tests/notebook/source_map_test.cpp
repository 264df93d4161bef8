// The cell metadata that ties a cell to its source: example ids as every report and the
// command line spell them, and the "docnb" metadata read back exactly as it was written.
#include "notebook/source_map.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

using namespace docnb;

namespace {

Json bare_code_cell() {
  return {{"cell_type", "code"},
          {"source", "x = 1"},
          {"metadata", Json::object()},
          {"outputs", Json::array()},
          {"execution_count", nullptr}};
}

void require_round_trip(const ExampleId& id) {
  const std::optional<ExampleId> parsed = ExampleId::parse(id.str());
  INFO(id.str());
  REQUIRE(parsed);
  CHECK(*parsed == id);
  CHECK(parsed->kind() == id.kind());
  CHECK(parsed->file() == id.file());
  CHECK(parsed->local_name() == id.local_name());
}

} // namespace

TEST_CASE("ExampleId spells each kind as reports and the command line do", "[source_map]") {
  CHECK(ExampleId::cell("nb.ipynb", 3).str() == "nb.ipynb::Cell 3");
  CHECK(ExampleId::line("page.md", 42).str() == "page.md:42");
  CHECK(ExampleId::named("mod.py", "Square.area:0").str() == "mod.py::Square.area:0");
  CHECK(ExampleId::cell("nb.ipynb", 3).local_name() == "Cell 3");
  CHECK(ExampleId::line("page.md", 42).local_name() == "42");
  CHECK(ExampleId::named("mod.py", "Square.area:0").local_name() == "Square.area:0");
  CHECK(ExampleId{}.empty());
  CHECK_FALSE(ExampleId::line("page.md", 0).empty());
  CHECK_FALSE(ExampleId::named("", "f:0").empty());
}

TEST_CASE("ExampleId::parse inverts str for every kind", "[source_map]") {
  require_round_trip(ExampleId::cell("docs/nb.ipynb", 0));
  require_round_trip(ExampleId::cell("docs/nb.ipynb", 12));
  require_round_trip(ExampleId::line("docs/page.md", 1));
  require_round_trip(ExampleId::line("docs/page.rst", 907));
  require_round_trip(ExampleId::named("pkg/mod.py", "Square.area:0"));
  require_round_trip(ExampleId::named("pkg/mod.py", "func:12"));
  // A docstring example whose name happens to read like a cell is still a cell only with a
  // number after "Cell ".
  require_round_trip(ExampleId::named("pkg/mod.py", "Cell"));
  require_round_trip(ExampleId::named("pkg/mod.py", "Cell x"));
}

TEST_CASE("ExampleId round trips paths holding ':' and '::'", "[source_map]") {
  // A single colon in the path (a Windows drive, a URL-ish folder): the line is after the last.
  require_round_trip(ExampleId::line("C:/docs/page.md", 7));
  require_round_trip(ExampleId::line("a:b/page.md", 7));
  require_round_trip(ExampleId::cell("a:b/nb.ipynb", 2));
  require_round_trip(ExampleId::named("a:b/mod.py", "f:1"));
  // "::" in the path: names and cells never hold "::", so the last one separates.
  require_round_trip(ExampleId::cell("odd::dir/nb.ipynb", 4));
  require_round_trip(ExampleId::named("odd::dir/mod.py", "Square.area:0"));
}

TEST_CASE("ExampleId::parse refuses text that names no example", "[source_map]") {
  CHECK_FALSE(ExampleId::parse(""));
  CHECK_FALSE(ExampleId::parse("page.md"));
  CHECK_FALSE(ExampleId::parse("page.md:"));
  CHECK_FALSE(ExampleId::parse("page.md:4x"));
  CHECK_FALSE(ExampleId::parse("page.md:-4"));
  CHECK_FALSE(ExampleId::parse(":4"));
  CHECK_FALSE(ExampleId::parse("::f:0"));
  CHECK_FALSE(ExampleId::parse("mod.py::"));
  // "Cell" followed by something that is not a number is a name, not a cell.
  const auto named = ExampleId::parse("nb.ipynb::Cell 3a");
  REQUIRE(named);
  CHECK(named->kind() == ExampleId::Kind::named);
}

TEST_CASE("ExampleIds order by file, then kind, then number, not by text", "[source_map]") {
  std::vector<ExampleId> ids = {ExampleId::line("b.md", 2), ExampleId::line("a.md", 10),
                                ExampleId::line("a.md", 9), ExampleId::cell("a.md", 1)};
  std::sort(ids.begin(), ids.end());
  // Line 9 before line 10 (text order would put "10" first); files first.
  CHECK(ids[0].file() == "a.md");
  CHECK(ids[1] == ExampleId::line("a.md", 9));
  CHECK(ids[2] == ExampleId::line("a.md", 10));
  CHECK(ids[3] == ExampleId::line("b.md", 2));
  CHECK(ExampleId::cell("nb.ipynb", 2) < ExampleId::cell("nb.ipynb", 10));
  CHECK(ExampleId::cell("nb.ipynb", 2) != ExampleId::line("nb.ipynb", 2));
}

TEST_CASE("a notebook's own cell has no source map", "[source_map]") {
  const Json cell = bare_code_cell();
  CHECK_FALSE(has_source_map(cell));
  CHECK_FALSE(source_map_of(cell));
  Json no_metadata = cell;
  no_metadata.erase("metadata");
  CHECK_FALSE(source_map_of(no_metadata));
  Json not_an_object = cell;
  not_an_object["metadata"]["docnb"] = "text";
  CHECK_FALSE(has_source_map(not_an_object));
  CHECK_FALSE(source_map_of(not_an_object));
}

TEST_CASE("set_source_map then source_map_of gives back every field", "[source_map]") {
  SourceMap map;
  map.example = ExampleId::named("pkg/mod.py", "Square.area:0");
  map.line = 12;
  map.last_line = 14;
  map.want = "4\n";
  map.want_line = 15;
  map.want_last_line = 15;
  map.options = "+ELLIPSIS, -NORMALIZE_WHITESPACE";
  map.skip = "notest";
  map.skipif = "sys.version_info < (3, 9)";
  map.role = CellRole::example_namespace;
  map.part = 2;
  map.compile_mode = "eval";
  map.session = true;
  map.disabled = true;
  map.attached = true;
  map.literal = Json{{"quote", "\"\"\""}, {"prefix", "r"}};

  Json cell = bare_code_cell();
  cell["metadata"]["tags"] = Json::array({"keep"});
  set_source_map(cell, map);
  // The cell's other metadata survives.
  CHECK(cell["metadata"]["tags"] == Json::array({"keep"}));
  REQUIRE(has_source_map(cell));
  const std::optional<SourceMap> back = source_map_of(cell);
  REQUIRE(back);
  CHECK(back->example == map.example);
  CHECK(back->line == 12);
  CHECK(back->last_line == 14);
  CHECK(back->want == map.want);
  CHECK(back->want_line == 15);
  CHECK(back->want_last_line == 15);
  CHECK(back->options == map.options);
  CHECK(back->skip == map.skip);
  CHECK(back->skipif == map.skipif);
  CHECK(back->role == CellRole::example_namespace);
  CHECK(back->part == std::optional<std::size_t>{2});
  CHECK(back->compile_mode == "eval");
  CHECK(back->session);
  CHECK(back->disabled);
  CHECK(back->attached);
  CHECK(back->literal == map.literal);
  CHECK_FALSE(back->hidden());
}

TEST_CASE("a minimal source map reads back with its absences", "[source_map]") {
  SourceMap map;
  map.example = ExampleId::line("page.md", 3);
  map.line = 3;
  map.last_line = 3;
  Json cell = bare_code_cell();
  set_source_map(cell, map);
  const Json& docnb = cell["metadata"]["docnb"];
  // Nothing optional is written when absent: converted notebooks stay small and stable.
  for (const char* absent : {"want", "want_line", "options", "skip", "skipif", "role", "part",
                             "compile_mode", "session", "disabled", "attached", "literal"}) {
    INFO(absent);
    CHECK_FALSE(docnb.contains(absent));
  }
  CHECK_FALSE(cell["metadata"].contains("nbsphinx"));
  const std::optional<SourceMap> back = source_map_of(cell);
  REQUIRE(back);
  CHECK(back->example == map.example);
  CHECK_FALSE(back->want);
  CHECK_FALSE(back->part);
  CHECK(back->role == CellRole::part);
  CHECK(back->literal.is_null());
}

TEST_CASE("an empty want is a want: the cell must print nothing", "[source_map]") {
  SourceMap map;
  map.want = "";
  Json cell = bare_code_cell();
  set_source_map(cell, map);
  const std::optional<SourceMap> back = source_map_of(cell);
  REQUIRE(back);
  REQUIRE(back->want);
  CHECK(back->want->empty());
  // Part 0 is a part: it is not confused with no part.
  map.part = 0;
  set_source_map(cell, map);
  CHECK(source_map_of(cell)->part == std::optional<std::size_t>{0});
}

TEST_CASE("every role but part is hidden from nbsphinx; setup and cleanup are hidden cells",
          "[source_map]") {
  struct Case {
    CellRole role;
    bool hidden;
  };
  for (const Case& c : {Case{CellRole::setup, true}, Case{CellRole::cleanup, true},
                        Case{CellRole::example_namespace, false}}) {
    SourceMap map;
    map.role = c.role;
    Json cell = bare_code_cell();
    set_source_map(cell, map);
    CHECK(cell["metadata"]["nbsphinx"] == "hidden");
    const std::optional<SourceMap> back = source_map_of(cell);
    REQUIRE(back);
    CHECK(back->role == c.role);
    CHECK(back->hidden() == c.hidden);
  }
  SourceMap part;
  Json cell = bare_code_cell();
  set_source_map(cell, part);
  CHECK_FALSE(cell["metadata"].contains("nbsphinx"));
}

TEST_CASE("an example id that does not parse is kept as a name", "[source_map]") {
  Json cell = bare_code_cell();
  cell["metadata"]["docnb"] = {{"example", "free text"}, {"line", "not a number"}};
  const std::optional<SourceMap> back = source_map_of(cell);
  REQUIRE(back);
  CHECK(back->example.kind() == ExampleId::Kind::named);
  CHECK(back->example.str() == "::free text");
  CHECK(back->line == 0);
}

TEST_CASE("a notebook's source record round trips and an empty one leaves no trace",
          "[source_map]") {
  Notebook notebook;
  notebook.document = {{"cells", Json::array()}, {"metadata", {{"kernelspec", {{"name", "x"}}}}}};
  CHECK(notebook_source_of(notebook).kind.empty());

  NotebookSource source{"docstring", "pkg.mod", "latin-1", "title: x\n"};
  set_notebook_source(notebook, source);
  const NotebookSource back = notebook_source_of(notebook);
  CHECK(back.kind == "docstring");
  CHECK(back.module == "pkg.mod");
  CHECK(back.encoding == "latin-1");
  CHECK(back.front_matter == "title: x\n");
  CHECK(notebook.document["metadata"]["kernelspec"]["name"] == "x");

  set_notebook_source(notebook, NotebookSource{});
  CHECK_FALSE(notebook.document["metadata"].contains("docnb"));
  CHECK(notebook.document["metadata"].contains("kernelspec"));
  CHECK(notebook_source_of(notebook).module.empty());
}
