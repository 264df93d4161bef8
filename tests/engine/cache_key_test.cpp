// The cache key's parts: each must change with what can change a kernel's outputs and stay put
// for what cannot (a stale hit serves wrong outputs; a needless miss costs a run).
#include "../test_notebooks.hpp"
#include "engine/cache_key.hpp"
#include "notebook/source_map.hpp"

#include <catch2/catch.hpp>
#include <functional>

using namespace docnb;
using testing::block;
using testing::code;
using testing::markdown;

namespace {

// A code block of "page.md" its converter marked to skip.
Json skipped_block(const std::string& source, int line, const std::string& why) {
  Json cell = block(source, line);
  SourceMap map = *source_map_of(cell);
  map.skip = why;
  set_source_map(cell, map);
  return cell;
}

Notebook notebook_of(Json cells) {
  return testing::notebook_of("page.md", std::move(cells));
}

std::string plan_of(const Notebook& notebook) {
  return plan_fingerprint(testing::plan_of(notebook), notebook);
}

// Named edits of a value a fingerprint is taken of.
template <typename Value>
using Changes = std::vector<std::pair<const char*, std::function<void(Value&)>>>;

// Each of `changes`, made to a copy of `base`, changes its fingerprint.
template <typename Value>
void check_each_changes(const Value& base, const Changes<Value>& changes,
                        std::string (*fingerprint)(const Value&)) {
  const std::string unchanged = fingerprint(base);
  for (const auto& [name, change] : changes) {
    INFO(name);
    Value changed = base;
    change(changed);
    CHECK(fingerprint(changed) != unchanged);
  }
}

} // namespace

TEST_CASE("code_cells_fingerprint ignores markdown and volatile metadata", "[cache_key]") {
  const Notebook base = notebook_of(
      Json::array({markdown("# Title"), code("x = 1"), markdown("text"), code("print(x)")}));
  const std::string fingerprint = code_cells_fingerprint(base);

  Notebook edited = base;
  edited.cells()[0]["source"] = "# Another title";
  edited.cells().insert(edited.cells().begin() + 2, markdown("inserted"));
  CHECK(code_cells_fingerprint(edited) == fingerprint);

  Notebook viewed = base;
  Json& metadata = viewed.cells()[1]["metadata"];
  metadata["collapsed"] = true;
  metadata["scrolled"] = "auto";
  metadata["jupyter"] = {{"source_hidden", true}};
  metadata["execution"] = {{"iopub.status.busy", "2024-01-01T00:00:00Z"}};
  metadata["ExecuteTime"] = {{"end_time", "2024-01-01"}};
  CHECK(code_cells_fingerprint(viewed) == fingerprint);
}

TEST_CASE("code_cells_fingerprint changes with code, order and run-deciding metadata",
          "[cache_key]") {
  const Notebook base = notebook_of(Json::array({code("x = 1"), code("print(x)")}));
  const std::string fingerprint = code_cells_fingerprint(base);

  Notebook code_changed = base;
  code_changed.cells()[1]["source"] = "print(x + 1)";
  CHECK(code_cells_fingerprint(code_changed) != fingerprint);

  Notebook swapped = base;
  std::swap(swapped.cells()[0], swapped.cells()[1]);
  CHECK(code_cells_fingerprint(swapped) != fingerprint);

  Notebook tagged = base;
  tagged.cells()[0]["metadata"]["tags"] = Json::array({"skip-execution"});
  CHECK(code_cells_fingerprint(tagged) != fingerprint);

  // A directive in the code (a skip, a timeout) is part of the source.
  Notebook directive = base;
  directive.cells()[1]["source"] = "print(x)  # doctest: +SKIP";
  CHECK(code_cells_fingerprint(directive) != fingerprint);

  // The source map's want and options change what the cell is checked against and how.
  Notebook mapped = notebook_of(Json::array({block("x = 1", 3), block("print(x)", 5)}));
  Notebook options = mapped;
  SourceMap map = *source_map_of(options.cells()[1]);
  map.options = "+ELLIPSIS";
  set_source_map(options.cells()[1], map);
  CHECK(code_cells_fingerprint(options) != code_cells_fingerprint(mapped));

  // A code cell turned into a markdown cell drops out.
  Notebook demoted = base;
  demoted.cells()[1]["cell_type"] = "markdown";
  CHECK(code_cells_fingerprint(demoted) != fingerprint);
}

TEST_CASE("plan_fingerprint is keyed by code cell", "[cache_key]") {
  const Notebook base =
      notebook_of(Json::array({markdown("intro"), block("x = 1", 3), block("print(x)", 7)}));
  const std::string fingerprint = plan_of(base);

  Notebook inserted = base;
  inserted.cells().insert(inserted.cells().begin() + 2, markdown("between"));
  inserted.cells().push_back(markdown("after"));
  CHECK(plan_of(inserted) == fingerprint);

  Notebook skipped = base;
  skipped.cells()[2] = skipped_block("print(x)", 7, "notest");
  CHECK(plan_of(skipped) != fingerprint);

  Notebook other_reason = skipped;
  other_reason.cells()[2] = skipped_block("print(x)", 7, "<!-- docnb: skip -->");
  CHECK(plan_of(other_reason) != plan_of(skipped));

  Notebook directive_skip = base;
  directive_skip.cells()[1] = block("x = 1  # doctest: +SKIP", 3);
  CHECK(plan_of(directive_skip) != fingerprint);

  Notebook timeout = base;
  timeout.cells()[1] = block("# doctest: +TIMEOUT(5)\nx = 1", 3);
  CHECK(plan_of(timeout) != fingerprint);
  Notebook longer = base;
  longer.cells()[1] = block("# doctest: +TIMEOUT(6)\nx = 1", 3);
  CHECK(plan_of(longer) != plan_of(timeout));

  Notebook invalid = base;
  invalid.cells()[1] = block("x = 1  # doctest: +TIMEOUT(x)", 3);
  CHECK(plan_of(invalid) != fingerprint);
}

TEST_CASE("plan_fingerprint tells a notebook cell from a text cell", "[cache_key]") {
  // A notebook cell has no plan (null); a planned text cell that runs is not null.
  const Notebook notebook = notebook_of(Json::array({code("x = 1")}));
  const Notebook page = notebook_of(Json::array({block("x = 1", 3)}));
  CHECK(plan_of(notebook) != plan_of(page));
}

TEST_CASE("execution_fingerprint changes with every execution setting", "[cache_key]") {
  const RunConfig base;
  const std::string fingerprint = execution_fingerprint(base);
  CHECK(execution_fingerprint(base) == fingerprint);

  const Changes<RunConfig> changes = {
      {"timeout", [](RunConfig& c) { c.execute.cell_timeout = std::chrono::seconds(10); }},
      {"interrupt grace",
       [](RunConfig& c) { c.execute.interrupt_grace = std::chrono::seconds(1); }},
      {"stdin", [](RunConfig& c) { c.execute.stdin_text = "yes\n"; }},
      {"record timing", [](RunConfig& c) { c.execute.record_timing = !c.execute.record_timing; }},
      {"max output", [](RunConfig& c) { c.execute.max_output_bytes = 1024; }},
      {"truncation", [](RunConfig& c) { c.execute.fail_on_truncated_output = false; }},
      {"lax", [](RunConfig& c) { c.check.mode = check::CompareMode::lax; }},
      {"exit first", [](RunConfig& c) { c.exit_first_per_notebook = true; }},
      {"fresh kernel", [](RunConfig& c) { c.fresh_kernel_per_example = true; }},
      {"python", [](RunConfig& c) { c.python_executable = "/opt/python/bin/python3"; }},
      {"virtualenv", [](RunConfig& c) { c.kernel_environment["VIRTUAL_ENV"] = "/venv"; }},
      {"pythonpath", [](RunConfig& c) { c.kernel_environment["PYTHONPATH"] = "/src"; }},
      {"pythonhome", [](RunConfig& c) { c.kernel_environment["PYTHONHOME"] = "/usr"; }},
      {"preload", [](RunConfig& c) {
         c.fork = true;
         c.preload = {"numpy"};
       }}};
  check_each_changes(base, changes, execution_fingerprint);
  // An empty stdin answers input() with EOF: not the same as no stdin at all.
  RunConfig empty_stdin = base;
  empty_stdin.execute.stdin_text = "";
  CHECK(execution_fingerprint(empty_stdin) != fingerprint);
}

TEST_CASE("execution_fingerprint ignores what cannot change a kernel's outputs", "[cache_key]") {
  const RunConfig base;
  const std::string fingerprint = execution_fingerprint(base);
  RunConfig changed = base;
  changed.jobs = 8;
  changed.out_dir = "elsewhere";
  changed.use_cache = false;
  changed.kernel_environment["HOME"] = "/somewhere/else";
  changed.check.compare = check::CompareOptions{};
  CHECK(execution_fingerprint(changed) == fingerprint);

  // Preload only matters while forking: without a fork server nothing is preloaded.
  RunConfig not_forking = base;
  not_forking.fork = false;
  RunConfig not_forking_preload = not_forking;
  not_forking_preload.preload = {"numpy"};
  CHECK(execution_fingerprint(not_forking_preload) == execution_fingerprint(not_forking));
  // Forking itself changes nothing a cell sees.
  RunConfig forking = base;
  forking.fork = true;
  CHECK(execution_fingerprint(forking) == execution_fingerprint(not_forking));
}

TEST_CASE("kernel_fingerprint changes with the resolved kernelspec", "[cache_key]") {
  KernelLaunch base;
  base.spec.name = "python3";
  base.spec.argv = {"python", "-m", "ipykernel_launcher", "-f", "{connection_file}"};
  base.spec.env = {{"A", "1"}};
  const std::string fingerprint = kernel_fingerprint(base);

  const Changes<KernelLaunch> changes = {
      {"name", [](KernelLaunch& l) { l.spec.name = "python3-other"; }},
      {"argv", [](KernelLaunch& l) { l.spec.argv.push_back("--matplotlib=inline"); }},
      {"env", [](KernelLaunch& l) { l.spec.env["A"] = "2"; }},
      {"interrupt mode", [](KernelLaunch& l) { l.spec.interrupt_mode = "message"; }},
      {"extra arguments", [](KernelLaunch& l) { l.extra_arguments = {"--debug"}; }}};
  check_each_changes(base, changes, kernel_fingerprint);

  // Where the kernelspec folder is, and the display name, change nothing the kernel runs.
  KernelLaunch moved = base;
  moved.spec.directory = "/elsewhere/kernels/python3";
  moved.spec.display_name = "Python 3 (renamed)";
  CHECK(kernel_fingerprint(moved) == fingerprint);
}

TEST_CASE("cache_key digests every part", "[cache_key]") {
  CacheKeyParts base{"page.md", "cells", "plan", "kernel", "config", "depends", "own"};
  const std::string key = cache_key(base);
  CHECK(key.size() == 64);
  for (std::string CacheKeyParts::*part :
       {&CacheKeyParts::source, &CacheKeyParts::cells, &CacheKeyParts::plan, &CacheKeyParts::kernel,
        &CacheKeyParts::config, &CacheKeyParts::depends, &CacheKeyParts::own_file,
        &CacheKeyParts::version}) {
    CacheKeyParts changed = base;
    changed.*part += "x";
    CHECK(cache_key(changed) != key);
  }
  // Parts are fields, not a concatenation: moving text from one part to the next is a miss.
  CacheKeyParts shifted = base;
  shifted.kernel = "kernelc";
  shifted.config = "onfig";
  CHECK(cache_key(shifted) != key);
}
