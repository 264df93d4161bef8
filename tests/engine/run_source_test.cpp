// A prepared source run to its result: executed on its warm kernel, judged once, written.
#include "source_job_fixtures.hpp"

using namespace docnb;
using docnb::testing::SourceJobs;

TEST_CASE("run: a page's blocks are executed, judged and the notebook written",
          "[engine][source_job][kernel]") {
  SourceJobs jobs;
  jobs.config.out_dir = jobs.project.path() / "out";
  const std::filesystem::path page = jobs.write(
      "page.md", "```python\n>>> print('hi')\nhi\n```\n\n```python\n>>> print('no')\nyes\n```\n");
  PreparedSource prepared = jobs.prepare(page);
  REQUIRE(std::holds_alternative<ToRun>(prepared.next));
  const SourceResult result = run_source(jobs.context, prepared);
  CHECK_FALSE(result.input_error);
  REQUIRE(result.verdicts.size() == 2);
  CHECK(result.verdicts[0].outcome == Outcome::passed);
  CHECK(result.verdicts[1].outcome == Outcome::failed);
  CHECK(result.failed());
  REQUIRE_FALSE(result.written.empty());
  CHECK(std::filesystem::exists(result.written));
}

TEST_CASE("run: a source decided without a kernel is judged as it was decided",
          "[engine][source_job]") {
  SourceJobs jobs;
  PreparedSource prepared = jobs.prepare(
      jobs.write("skipped.md", "<!-- docnb: skip -->\n\n```python\nraise SystemExit\n```\n"));
  REQUIRE(std::holds_alternative<Decided>(prepared.next));
  const SourceResult result = run_source(jobs.context, prepared);
  REQUIRE(result.verdicts.size() == 1);
  CHECK(result.verdicts[0].outcome == Outcome::skipped);
  CHECK_FALSE(result.failed());
}

TEST_CASE("run: an unreadable source is an input error", "[engine][source_job]") {
  SourceJobs jobs;
  PreparedSource prepared = jobs.prepare(jobs.project.path() / "missing.md");
  const SourceResult result = run_source(jobs.context, prepared);
  REQUIRE(result.input_error);
  CHECK(result.failed());
  CHECK(result.verdicts.empty());
}
