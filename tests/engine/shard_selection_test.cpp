// Shards of a run over real files: pages are whole units, a docstring module's examples are
// spread over the shards, and together the shards run everything exactly once.
#include "engine/shard_selection.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb;
namespace fs = std::filesystem;

namespace {

using Names = std::set<std::string, std::less<>>;

constexpr const char* module_text = R"(def a():
    """
    >>> 1
    1
    """


def b():
    """
    >>> 2
    2
    """


def c():
    """
    >>> 3
    3
    """


def d():
    """
    >>> 4
    4
    """
)";

// Two Markdown pages and a module of four examples, in a project folder of their own.
struct Project {
  TempDir dir = TempDir::create("docnb-shard-test").value();
  fs::path module = dir.path() / "calc.py";
  std::vector<fs::path> sources{dir.path() / "a.md", dir.path() / "b.md", module};
  RunConfig config;

  Project() {
    std::ofstream(sources[0]) << "```python\n1 + 1\n```\n";
    std::ofstream(sources[1]) << "```python\n2 + 2\n```\n";
    std::ofstream(module) << module_text;
    config.project_root = dir.path();
  }

  [[nodiscard]] ShardSelection shard(std::size_t index, std::size_t count) const {
    return select_shard(sources, ShardSpec{index, count}, config, nullptr);
  }
};

// The module's examples a shard runs: all of them when it holds the module unnarrowed.
Names module_examples(const ShardSelection& selection, const fs::path& module) {
  const auto found = selection.selected_examples.find(canonical_source(module));
  return found != selection.selected_examples.end() ? found->second : Names{};
}

} // namespace

TEST_CASE("the shards of a run hold every page once and every example once", "[shard]") {
  const Project project;
  std::map<fs::path, int> page_count;
  Names examples;
  std::size_t example_count = 0;
  for (std::size_t k = 1; k <= 3; ++k) {
    const ShardSelection selection = project.shard(k, 3);
    for (const fs::path& source : selection.sources) {
      // What was read to split the run is handed to it: nothing is read twice.
      CHECK(selection.already_read.contains(source));
      if (source == project.module) {
        const Names held = module_examples(selection, project.module);
        CHECK_FALSE(held.empty());
        examples.insert(held.begin(), held.end());
        example_count += held.size();
      } else {
        ++page_count[source];
      }
    }
  }
  CHECK(page_count == std::map<fs::path, int>{{project.sources[0], 1}, {project.sources[1], 1}});
  CHECK(examples == Names{"a:0", "b:0", "c:0", "d:0"});
  CHECK(example_count == 4);
}

TEST_CASE("one shard of one is the whole run, unnarrowed", "[shard]") {
  const Project project;
  const ShardSelection selection = project.shard(1, 1);
  CHECK(selection.sources == project.sources);
  CHECK(module_examples(selection, project.module) == Names{"a:0", "b:0", "c:0", "d:0"});
}

TEST_CASE("a shard is the same for the same sources, run after run", "[shard]") {
  const Project project;
  for (std::size_t k = 1; k <= 2; ++k) {
    const ShardSelection first = project.shard(k, 2);
    const ShardSelection again = project.shard(k, 2);
    CHECK(first.sources == again.sources);
    CHECK(first.selected_examples == again.selected_examples);
  }
}

TEST_CASE("examples named on the command line narrow each shard's part of them", "[shard]") {
  Project project;
  project.config.selected_examples[canonical_source(project.module)] = {"b:0"};
  int holding = 0;
  for (std::size_t k = 1; k <= 4; ++k) {
    const ShardSelection selection = project.shard(k, 4);
    const bool holds = std::find(selection.sources.begin(), selection.sources.end(),
                                 project.module) != selection.sources.end();
    if (!holds) continue;
    ++holding;
    CHECK(module_examples(selection, project.module) == Names{"b:0"});
  }
  // Only the shard that drew b:0 runs the module; the others would run none of its examples.
  CHECK(holding == 1);
}

TEST_CASE("a source that cannot be read is one unit, left for the run to report", "[shard]") {
  Project project;
  project.sources.push_back(project.dir.path() / "missing.md");
  int holding = 0;
  for (std::size_t k = 1; k <= 2; ++k) {
    const ShardSelection selection = project.shard(k, 2);
    for (const fs::path& source : selection.sources) {
      if (source == project.sources.back()) {
        ++holding;
        CHECK_FALSE(selection.already_read.contains(source));
      }
    }
  }
  CHECK(holding == 1);
}
