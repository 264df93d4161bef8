// The structural problems a notebook is refused for, each at its JSON pointer.
#include "notebook/structure.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

Json valid() {
  return {{"nbformat", 4},
          {"nbformat_minor", 5},
          {"metadata", Json::object()},
          {"cells", Json::array({{{"cell_type", "code"},
                                  {"source", Json::array({"x = 1\n", "x"})},
                                  {"metadata", Json::object()},
                                  {"outputs", Json::array()},
                                  {"execution_count", nullptr}}})}};
}

// Where the first problem of `document` is, "" when there is none.
std::string problem_at(const Json& document) {
  const std::optional<Error> error = find_structure_error(document, "nb.ipynb");
  return error ? error->where : std::string();
}

} // namespace

TEST_CASE("structure: a well-formed notebook passes", "[notebook][structure]") {
  CHECK_FALSE(find_structure_error(valid(), "nb.ipynb"));
}

TEST_CASE("structure: the version must be nbformat 4", "[notebook][structure]") {
  Json v3 = valid();
  v3["nbformat"] = 3;
  const std::optional<Error> old = find_structure_error(v3, "nb.ipynb");
  REQUIRE(old);
  CHECK(old->where == "nb.ipynb#/nbformat");
  CHECK_THAT(old->message, Catch::Contains("jupyter nbconvert"));
  Json no_version = valid();
  no_version.erase("nbformat");
  CHECK(problem_at(no_version) == "nb.ipynb#");
  Json text_minor = valid();
  text_minor["nbformat_minor"] = "5";
  CHECK(problem_at(text_minor) == "nb.ipynb#/nbformat_minor");
}

TEST_CASE("structure: cells and their members, at their pointers", "[notebook][structure]") {
  Json not_list = valid();
  not_list["cells"] = Json::object();
  CHECK(problem_at(not_list) == "nb.ipynb#/cells");
  Json no_type = valid();
  no_type["cells"][0].erase("cell_type");
  CHECK(problem_at(no_type) == "nb.ipynb#/cells/0");
  Json bad_source = valid();
  bad_source["cells"][0]["source"] = Json::array({"a", 1});
  CHECK(problem_at(bad_source) == "nb.ipynb#/cells/0/source");
  Json bad_outputs = valid();
  bad_outputs["cells"][0]["outputs"] = "none";
  CHECK(problem_at(bad_outputs) == "nb.ipynb#/cells/0/outputs");
}
