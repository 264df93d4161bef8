// What `docnb list` and `docnb run --list-json` print for a source, on the samples.
#include "report/example_listing.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace docnb;

namespace {

const std::filesystem::path samples = std::filesystem::path(DOCNB_SOURCE_DIR) / "samples";

converters::Converted read(const std::filesystem::path& path) {
  Result<converters::Converted> converted = converters::read_source(path, {});
  REQUIRE(converted);
  return std::move(converted).value();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

} // namespace

TEST_CASE("a page lists its examples by path:line, without its hidden setup", "[report]") {
  const std::filesystem::path page = samples / "tutorials" / "05_rst_page.rst";
  std::ostringstream plain;
  list_examples(plain, read(page), false);
  const std::vector<std::string> ids = lines_of(plain.str());
  REQUIRE(!ids.empty());
  CHECK(ids.front() == page.string() + ":14");
  CHECK(std::find(ids.begin(), ids.end(), page.string() + ":8") == ids.end());

  std::ostringstream json;
  list_examples(json, read(page), true);
  const std::vector<std::string> records = lines_of(json.str());
  REQUIRE(records.size() == ids.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const nlohmann::json record = nlohmann::json::parse(records[i]);
    CHECK(record["file"] == page.string());
    CHECK(record["id"] == ids[i]);
    CHECK(record["kind"] == "rst");
  }
}

TEST_CASE("notebook cells are listed as path::Cell N", "[report]") {
  const std::filesystem::path notebook = samples / "tutorials" / "01_getting_started.ipynb";
  std::ostringstream out;
  list_examples(out, read(notebook), false);
  CHECK(lines_of(out.str()) == std::vector<std::string>{notebook.string() + "::Cell 0",
                                                        notebook.string() + "::Cell 1",
                                                        notebook.string() + "::Cell 2"});
}

TEST_CASE("a selection keeps only the named docstring examples", "[report]") {
  const std::filesystem::path module = samples / "mypkg" / "shapes.py";
  const ExampleSelection selected{"circle_area:0", "Square:0"};
  std::ostringstream out;
  list_examples(out, read(module), false, &selected);
  CHECK(lines_of(out.str()) == std::vector<std::string>{module.string() + "::Square:0",
                                                        module.string() + "::circle_area:0"});
  const ExampleSelection none;
  std::ostringstream empty;
  list_examples(empty, read(module), false, &none);
  CHECK(empty.str().empty());
}

TEST_CASE("an unreadable source is one JSON line naming it", "[report]") {
  const nlohmann::json line = nlohmann::json::parse(
      listing_error_json("docs/a.ipynb", Error{"not valid JSON \xff", "docs/a.ipynb:3"}));
  CHECK(line["file"] == "docs/a.ipynb");
  CHECK(line["where"] == "docs/a.ipynb:3");
  CHECK(line["error"] == "not valid JSON \xEF\xBF\xBD");
}
