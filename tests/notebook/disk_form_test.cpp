// The notebook on disk against the notebook in memory, as nbformat's rwbase.py defines them:
// lines rejoined where nbformat rejoins them, transient keys dropped.
#include "notebook/disk_form.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("lines split as Python's str.splitlines(True) splits them", "[notebook][disk_form]") {
  using Lines = std::vector<std::string>;
  CHECK(python_splitlines("") == Lines{});
  CHECK(python_splitlines("a\nb") == Lines{"a\n", "b"});
  CHECK(python_splitlines("a\r\nb\r\n") == Lines{"a\r\n", "b\r\n"});
  CHECK(python_splitlines("a\rb\n\n") == Lines{"a\r", "b\n", "\n"});
  CHECK(python_splitlines("a\vb\fc\x1c"
                          "d") == Lines{"a\v", "b\f", "c\x1c", "d"});
  CHECK(python_splitlines("a\u0085b\u2028c\u2029d") == Lines{"a\u0085", "b\u2028", "c\u2029", "d"});
  CHECK(python_splitlines("\u00e9\u00e8") == Lines{"\u00e9\u00e8"});
}

TEST_CASE("disk form: lines handed over one at a time", "[notebook][disk_form]") {
  Lines seen;
  for_each_python_line("x\ny\r\nz", [&seen](std::string_view line) { seen.emplace_back(line); });
  CHECK(seen == Lines{"x\n", "y\r\n", "z"});
}

TEST_CASE("disk form: lists of lines rejoined where nbformat rejoins them",
          "[notebook][disk_form]") {
  Json document = {
      {"cells",
       Json::array(
           {{{"cell_type", "code"},
             {"source", Json::array({"a\n", "b"})},
             {"outputs",
              Json::array({{{"output_type", "stream"}, {"text", Json::array({"1\n", "2\n"})}},
                           {{"output_type", "display_data"},
                            {"data",
                             {{"text/plain", Json::array({"x\n", "y"})},
                              {"application/json", Json::array({"kept", "as a list"})}}}}})}},
            {{"cell_type", "markdown"},
             {"source", Json::array({"# T\n", "text"})},
             {"attachments", {{"a.png", {{"text/plain", Json::array({"p\n", "q"})}}}}},
             {"outputs", Json::array({{{"text", Json::array({"not\n", "an output"})}}})}},
            "not a cell"})}};
  rejoin_lines(document);
  const Json& code = document["cells"][0];
  CHECK(code["source"] == "a\nb");
  CHECK(code["outputs"][0]["text"] == "1\n2\n");
  CHECK(code["outputs"][1]["data"]["text/plain"] == "x\ny");
  CHECK(code["outputs"][1]["data"]["application/json"] == Json::array({"kept", "as a list"}));
  const Json& markdown = document["cells"][1];
  CHECK(markdown["source"] == "# T\ntext");
  CHECK(markdown["attachments"]["a.png"]["text/plain"] == "p\nq");
  // A markdown cell has no outputs to nbformat: whatever is there is left as it is.
  CHECK(markdown["outputs"][0]["text"] == Json::array({"not\n", "an output"}));
  CHECK(document["cells"][2] == "not a cell");
}

TEST_CASE("disk form: which MIME values are split into lines on disk", "[notebook][disk_form]") {
  CHECK(is_split_on_disk("text/plain"));
  CHECK(is_split_on_disk("text/html"));
  CHECK(is_split_on_disk("application/javascript"));
  CHECK(is_split_on_disk("image/svg+xml"));
  CHECK_FALSE(is_split_on_disk("image/png"));
  CHECK_FALSE(is_split_on_disk("application/json"));
}

TEST_CASE("disk form: transient keys are dropped", "[notebook][disk_form]") {
  Json document = {{"metadata", {{"orig_nbformat", 3}, {"signature", "x"}, {"title", "kept"}}},
                   {"cells", Json::array({{{"cell_type", "code"},
                                           {"metadata", {{"trusted", true}, {"tags", {"a"}}}}},
                                          {{"cell_type", "raw"}, {"metadata", "odd"}}})}};
  strip_transient(document);
  CHECK(document["metadata"] == Json{{"title", "kept"}});
  CHECK(document["cells"][0]["metadata"] == Json{{"tags", {"a"}}});
  CHECK(document["cells"][1]["metadata"] == "odd");
}
