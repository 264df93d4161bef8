// Where executed sources are published: mirrored under --out, always as notebooks.
#include "engine/output_path.hpp"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using docnb::output_path_for;

TEST_CASE("publish: a notebook keeps its relative path under --out", "[publish]") {
  CHECK(output_path_for("tutorials/intro.ipynb", "build/docnb") ==
        fs::path("build/docnb/tutorials/intro.ipynb"));
}

TEST_CASE("publish: a text source is published as a .ipynb beside where it would be", "[publish]") {
  CHECK(output_path_for("docs/intro.md", "out") == fs::path("out/docs/intro.ipynb"));
  CHECK(output_path_for("docs/guide.rst", "out") == fs::path("out/docs/guide.ipynb"));
  CHECK(output_path_for("pkg/module.py", "out") == fs::path("out/pkg/module.ipynb"));
  CHECK(output_path_for("docs/v1.2/notes.md", "out") == fs::path("out/docs/v1.2/notes.ipynb"));
}
