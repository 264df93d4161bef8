// Reading: the in-memory form nbformat.read(path, 4) gives, and a clear error naming the
// file and the line or JSON pointer for every kind of bad input.
#include "notebook/read.hpp"
#include "notebook/write.hpp"
#include "support/atomic_file.hpp"
#include "support/json_depth.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace fs = std::filesystem;
using namespace docnb;
using Catch::Contains;

namespace {

fs::path bad_fixture(const std::string& name) {
  return fs::path(DOCNB_SOURCE_DIR) / "tests" / "fixtures" / "notebook" / "bad" / name;
}

Result<Notebook> read_notebook_file(const fs::path& path) {
  Result<std::string> bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return read_notebook_text(*bytes, path);
}

Error read_error(const fs::path& path) {
  auto notebook = read_notebook_file(path);
  REQUIRE_FALSE(notebook.ok());
  INFO(notebook.error().describe());
  return notebook.error();
}

Json read_text(const std::string& text) {
  auto notebook = read_notebook_text(text, "memory.ipynb");
  INFO((notebook ? "" : notebook.error().describe()));
  REQUIRE(notebook.ok());
  return notebook->document;
}

} // namespace

TEST_CASE("invalid JSON is an error at its line", "[notebook]") {
  const auto path = bad_fixture("invalid.ipynb");
  const Error error = read_error(path);
  CHECK(error.where == path.string() + ":4");
  CHECK_THAT(error.message, Contains("invalid JSON at line 4"));
}

TEST_CASE("an empty file is an error naming the file", "[notebook]") {
  const auto path = bad_fixture("empty.ipynb");
  const Error error = read_error(path);
  CHECK(error.where == path.string());
  CHECK_THAT(error.message, Contains("empty"));
}

TEST_CASE("a truncated file is an error at its last line", "[notebook]") {
  const auto path = bad_fixture("truncated.ipynb");
  const Error error = read_error(path);
  CHECK_THAT(error.where, Contains(path.string() + ":"));
  CHECK_THAT(error.message, Contains("truncated"));
}

TEST_CASE("a v3 notebook is refused with the command that converts it", "[notebook]") {
  const auto path = bad_fixture("v3.ipynb");
  const Error error = read_error(path);
  CHECK(error.where == path.string() + "#/nbformat");
  CHECK(error.message ==
        "nbformat 3 is not supported; convert with jupyter nbconvert --to notebook --nbformat 4");
}

TEST_CASE("bytes that are not UTF-8 are an error at their line", "[notebook]") {
  const auto path = bad_fixture("not_utf8.ipynb");
  const Error error = read_error(path);
  CHECK(error.where == path.string() + ":3");
  CHECK_THAT(error.message, Contains("not UTF-8"));
}

TEST_CASE("a notebook without cells is an error", "[notebook]") {
  const auto path = bad_fixture("no_cells.ipynb");
  const Error error = read_error(path);
  CHECK(error.where == path.string() + "#");
  CHECK_THAT(error.message, Contains("\"cells\""));
}

TEST_CASE("a cell without source or cell_type is an error at its pointer", "[notebook]") {
  SECTION("source") {
    const auto path = bad_fixture("cell_without_source.ipynb");
    const Error error = read_error(path);
    CHECK(error.where == path.string() + "#/cells/1");
    CHECK_THAT(error.message, Contains("\"source\""));
  }
  SECTION("cell_type") {
    const auto path = bad_fixture("cell_without_type.ipynb");
    const Error error = read_error(path);
    CHECK(error.where == path.string() + "#/cells/0");
    CHECK_THAT(error.message, Contains("\"cell_type\""));
  }
}

TEST_CASE("other structural problems name their JSON pointer", "[notebook]") {
  const auto where = [](const std::string& text) {
    auto notebook = read_notebook_text(text, "x.ipynb");
    REQUIRE_FALSE(notebook.ok());
    return notebook.error().where;
  };
  CHECK(where("[]") == "x.ipynb#");
  CHECK(where(R"({"nbformat": 5, "metadata": {}, "cells": []})") == "x.ipynb#/nbformat");
  CHECK(where(R"({"nbformat": 4, "cells": []})") == "x.ipynb#");
  CHECK(where(R"({"nbformat": 4, "metadata": {}, "cells": {}})") == "x.ipynb#/cells");
  CHECK(where(R"({"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code",
    "metadata": {}, "source": ""}]})") == "x.ipynb#/cells/0");
  CHECK(where(R"({"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code",
    "metadata": {}, "source": ["a", 1], "outputs": []}]})") == "x.ipynb#/cells/0/source");
  CHECK(where(R"({"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code",
    "metadata": {}, "source": "", "outputs": [{"text": "x"}]}]})") == "x.ipynb#/cells/0/outputs/0");
  CHECK(where("\xef\xbb\xbf{}") == "x.ipynb:1");
  CHECK(where("{\n\"a\": 1e400}") == "x.ipynb");
}

TEST_CASE("a missing file is an error naming it", "[notebook]") {
  const Error error = read_error(bad_fixture("does-not-exist.ipynb"));
  CHECK_THAT(error.where, Contains("does-not-exist.ipynb"));
}

TEST_CASE("multi-line strings are joined as nbformat joins them", "[notebook]") {
  const Json document = read_text(R"({"nbformat": 4, "nbformat_minor": 2, "metadata": {},
    "cells": [
      {"cell_type": "markdown", "metadata": {}, "source": ["a\n", "b"],
       "attachments": {"p.png": {"image/png": ["iV\n", "BO"]}}},
      {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": [], "outputs": [
        {"output_type": "stream", "name": "stdout", "text": ["x\n", "y"]},
        {"output_type": "execute_result", "execution_count": 1, "metadata": {},
         "data": {"text/plain": ["p\n", "q"], "application/json": ["keep", "me"],
                  "application/vnd.x+json": ["also"]}}]}]})");
  const Json& cells = document["cells"];
  CHECK(cells[0]["source"] == "a\nb");
  CHECK(cells[0]["attachments"]["p.png"]["image/png"] == "iV\nBO");
  CHECK(cells[1]["source"] == "");
  CHECK(cells[1]["outputs"][0]["text"] == "x\ny");
  CHECK(cells[1]["outputs"][1]["data"]["text/plain"] == "p\nq");
  CHECK(cells[1]["outputs"][1]["data"]["application/json"] == Json({"keep", "me"}));
  CHECK(cells[1]["outputs"][1]["data"]["application/vnd.x+json"] == Json({"also"}));
}

TEST_CASE("transient keys are stripped on read", "[notebook]") {
  const Json document = read_text(R"({"nbformat": 4, "nbformat_minor": 2,
    "metadata": {"signature": "s", "orig_nbformat": 3, "orig_nbformat_minor": 0, "kept": 1},
    "cells": [{"cell_type": "raw", "metadata": {"trusted": true, "tags": []}, "source": ""}]})");
  CHECK(document["metadata"] == Json{{"kept", 1}});
  CHECK(document["cells"][0]["metadata"] == Json{{"tags", Json::array()}});
}

TEST_CASE("4.5 notebooks get missing and duplicate cell ids repaired", "[notebook]") {
  const std::string cells = R"("cells": [
      {"cell_type": "raw", "metadata": {}, "source": "", "id": "same"},
      {"cell_type": "raw", "metadata": {}, "source": "", "id": "same"},
      {"cell_type": "raw", "metadata": {}, "source": ""}]})";
  SECTION("4.5") {
    const Json document =
        read_text(R"({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, )" + cells);
    CHECK(document["cells"][0]["id"] == "same");
    CHECK(document["cells"][1]["id"] != "same");
    CHECK(document["cells"][1]["id"].get<std::string>().size() == 8);
    CHECK(document["cells"][2]["id"].get<std::string>().size() == 8);
  }
  SECTION("4.4 is left alone, as nbformat.read(path, 4) does not upgrade it") {
    const Json document =
        read_text(R"({"nbformat": 4, "nbformat_minor": 4, "metadata": {}, )" + cells);
    CHECK(document["cells"][1]["id"] == "same");
    CHECK_FALSE(document["cells"][2].contains("id"));
  }
}

namespace {

// A valid notebook whose metadata holds `levels` nested lists: the file nests levels + 2 deep.
std::string notebook_nesting(std::size_t levels) {
  return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [],\n \"metadata\": {\"deep\": " +
         std::string(levels, '[') + std::string(levels, ']') + "}}\n";
}

} // namespace

TEST_CASE("nesting deeper than nbformat reads is an error at its line, not a crash", "[notebook]") {
  // 200000 levels overflowed the stack when the parsed value was copied.
  for (const std::size_t levels : {max_json_depth - 1, std::size_t{200'000}}) {
    const auto notebook = read_notebook_text(notebook_nesting(levels), "deep.ipynb");
    REQUIRE_FALSE(notebook.ok());
    CHECK(notebook.error().where == "deep.ipynb:2");
    CHECK_THAT(notebook.error().message, Contains("nested deeper than 500 levels"));
  }
}

TEST_CASE("nesting nbformat reads is read and written", "[notebook]") {
  const Json document = read_text(notebook_nesting(max_json_depth - 2));
  CHECK(document["metadata"]["deep"].is_array());
  CHECK(notebook_to_text(Notebook{"deep.ipynb", document}).size() > 2 * (max_json_depth - 2));
}
