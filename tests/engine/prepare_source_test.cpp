// A source's first stages: what prepare_source decides comes next for it.
#include "source_job_fixtures.hpp"

using namespace docnb;
using docnb::testing::SourceJobs;

TEST_CASE("prepare: an unreadable source, or an example it lacks, runs nothing",
          "[engine][source_job]") {
  SourceJobs jobs;
  const PreparedSource missing = jobs.prepare(jobs.project.path() / "missing.md");
  REQUIRE(std::holds_alternative<Unreadable>(missing.next));
  CHECK_FALSE(missing.planned);

  const std::filesystem::path module = jobs.write("calc.py", "def f():\n    \"\"\"\n    >>> 1\n"
                                                             "    1\n    \"\"\"\n");
  jobs.config.selected_examples[canonical_source(module)] = {"g:0"};
  const PreparedSource unknown = jobs.prepare(module);
  REQUIRE(std::holds_alternative<Unreadable>(unknown.next));
  CHECK_THAT(std::get<Unreadable>(unknown.next).error.message, Catch::StartsWith("no example g:0"));
}

TEST_CASE("prepare: a page without code has nothing to run", "[engine][source_job]") {
  SourceJobs jobs;
  const PreparedSource prose = jobs.prepare(jobs.write("prose.md", "# Title\n\nText only.\n"));
  CHECK(std::holds_alternative<NothingToRun>(prose.next));
  REQUIRE(prose.planned);
}

TEST_CASE("prepare: a page whose every block is skipped is decided without a kernel",
          "[engine][source_job]") {
  SourceJobs jobs;
  const PreparedSource skipped = jobs.prepare(
      jobs.write("skipped.md", "<!-- docnb: skip -->\n\n```python\nraise SystemExit\n```\n"));
  REQUIRE(std::holds_alternative<Decided>(skipped.next));
  const Decided& decided = std::get<Decided>(skipped.next);
  CHECK_FALSE(decided.cached);
  REQUIRE(decided.judged.verdicts.size() == 1);
  CHECK(decided.judged.verdicts[0].outcome == Outcome::skipped);
}

TEST_CASE("prepare: a page with code to run warms its kernel", "[engine][source_job][kernel]") {
  SourceJobs jobs;
  PreparedSource page = jobs.prepare(jobs.write("page.md", "```python\n1 + 1\n```\n"));
  REQUIRE(std::holds_alternative<ToRun>(page.next));
  CHECK(page.cache_key.empty()); // no cache: nothing is looked up or stored
  KernelStart kernel = std::get<ToRun>(page.next).kernel.take();
  REQUIRE(kernel.ok());
  CHECK((*kernel)->kernel_info().contains("protocol_version"));
}
