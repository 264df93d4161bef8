// notebook_to_text must be byte for byte what nbformat.write writes: checked against Debian's
// nbformat on the shared corpus and on fixtures that stress the JSON writer.
#include "../run_python.hpp"
#include "notebook/read.hpp"
#include "notebook/write.hpp"
#include "support/atomic_file.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace docnb;

namespace {

// A fresh directory under the system temp dir, removed with everything in it.
class ScratchDirectory {
public:
  ScratchDirectory() {
    std::string pattern = (fs::temp_directory_path() / "docnb-notebook-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  ~ScratchDirectory() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

private:
  fs::path path_;
};

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> notebooks_under(const fs::path& root) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".ipynb") {
      found.push_back(entry.path());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Runs `nbformat.write(nbformat.read(IN, 4), OUT)` for every input in one interpreter
// (starting Python per file would dominate the test's time); returns each OUT's text.
std::vector<std::string> rewritten_by_nbformat(const std::vector<fs::path>& inputs,
                                               const fs::path& scratch) {
  std::vector<std::string> args{"-c", "import nbformat, sys\n"
                                      "a = sys.argv[1:]\n"
                                      "for i, o in zip(a[::2], a[1::2]):\n"
                                      "    nbformat.write(nbformat.read(i, 4), o)\n"};
  std::vector<fs::path> outputs;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    outputs.push_back(scratch / (std::to_string(i) + ".ipynb"));
    args.push_back(inputs[i].string());
    args.push_back(outputs.back().string());
  }
  REQUIRE(testing::run_python(std::move(args)) == 0);
  std::vector<std::string> texts;
  for (const auto& output : outputs)
    texts.push_back(file_text(output));
  return texts;
}

// "" when equal, else the first differing line of each, so a failure is readable.
std::string first_difference(const std::string& ours, const std::string& theirs) {
  if (ours == theirs) return "";
  std::istringstream a(ours);
  std::istringstream b(theirs);
  std::string line_a;
  std::string line_b;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_b = static_cast<bool>(std::getline(b, line_b));
    if (!more_a && !more_b) return "texts differ only in the final newline";
    if (!more_a || !more_b || line_a != line_b) {
      return "line " + std::to_string(line) + ": docnb [" + (more_a ? line_a : "<end>") +
             "] nbformat [" + (more_b ? line_b : "<end>") + "]";
    }
  }
}

void check_round_trips_like_nbformat(const std::vector<fs::path>& notebooks) {
  ScratchDirectory scratch;
  const auto expected = rewritten_by_nbformat(notebooks, scratch.path());
  for (std::size_t i = 0; i < notebooks.size(); ++i) {
    INFO("notebook: " << notebooks[i].string());
    const auto bytes = read_file_bytes(notebooks[i]);
    REQUIRE(bytes.ok());
    const auto notebook = read_notebook_text(*bytes, notebooks[i]);
    INFO("read error: " << (notebook ? "" : notebook.error().describe()));
    REQUIRE(notebook.ok());
    CHECK(first_difference(notebook_to_text(*notebook), expected[i]) == "");
  }
}

} // namespace

TEST_CASE("every corpus notebook is written as nbformat.write writes it", "[notebook]") {
  const auto notebooks = notebooks_under(DOCNB_CORPUS_DIR);
  REQUIRE(notebooks.size() >= 40);
  check_round_trips_like_nbformat(notebooks);
}

TEST_CASE("writer stress fixtures are written as nbformat.write writes them", "[notebook]") {
  std::vector<fs::path> notebooks;
  for (const auto& entry :
       fs::directory_iterator(fs::path(DOCNB_SOURCE_DIR) / "tests" / "fixtures" / "notebook")) {
    if (entry.path().extension() == ".ipynb") notebooks.push_back(entry.path());
  }
  std::sort(notebooks.begin(), notebooks.end());
  REQUIRE(notebooks.size() >= 5);
  check_round_trips_like_nbformat(notebooks);
}

TEST_CASE("multi-line strings are split only where nbformat splits them", "[notebook]") {
  Json document = Json::parse(R"({"cells": [{"cell_type": "code", "metadata": {},
    "source": "a\nb", "outputs": [
      {"output_type": "stream", "name": "stdout", "text": "x\ny"},
      {"output_type": "display_data", "metadata": {},
       "data": {"text/plain": "p\nq", "image/png": "iV\nBO", "image/svg+xml": "<s>\n</s>"}}]}],
    "metadata": {}, "nbformat": 4, "nbformat_minor": 2})");
  const Json written = Json::parse(notebook_to_text(Notebook{{}, document}));
  const Json& cell = written["cells"][0];
  CHECK(cell["source"] == Json({"a\n", "b"}));
  CHECK(cell["outputs"][0]["text"] == Json({"x\n", "y"}));
  CHECK(cell["outputs"][1]["data"]["text/plain"] == Json({"p\n", "q"}));
  CHECK(cell["outputs"][1]["data"]["image/png"] == "iV\nBO");
  CHECK(cell["outputs"][1]["data"]["image/svg+xml"] == Json({"<s>\n", "</s>"}));
}

TEST_CASE("write_notebook writes atomically and keeps the mode", "[notebook]") {
  ScratchDirectory scratch;
  Notebook notebook{{}, Json::parse(R"({"cells": [], "metadata": {}, "nbformat": 4,
                                        "nbformat_minor": 5})")};
  const fs::path target = scratch.path() / "new" / "dir" / "out.ipynb";

  SECTION("missing parent directories are created") {
    REQUIRE(write_notebook(notebook, target).ok());
    CHECK(file_text(target) == notebook_to_text(notebook));
  }
  SECTION("an existing file's mode is kept and no temporary file is left") {
    fs::create_directories(target.parent_path());
    std::ofstream(target) << "old";
    REQUIRE(::chmod(target.c_str(), 0640) == 0);
    REQUIRE(write_notebook(notebook, target).ok());
    struct stat info {};
    REQUIRE(::stat(target.c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0640);
    CHECK(file_text(target) == notebook_to_text(notebook));
    CHECK(std::distance(fs::directory_iterator(target.parent_path()), {}) == 1);
  }
  SECTION("a directory that cannot be created is an error naming it") {
    std::ofstream(scratch.path() / "file") << "x";
    const auto status = write_notebook(notebook, scratch.path() / "file" / "out.ipynb");
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.error().where, Catch::Contains("file"));
  }
}
