// Which cells --update rewrites, and how a source is written, diffed or left alone.
#include "update/notebook_update.hpp"
#include "update/source_update.hpp"
#include "notebook/write.hpp"
#include "support/atomic_file.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace docnb;

namespace {

Json stream(const std::string& text) {
  return Json{{"output_type", "stream"}, {"name", "stdout"}, {"text", text}};
}

Json result(int count, const std::string& text) {
  return Json{{"output_type", "execute_result"},
              {"execution_count", count},
              {"data", {{"text/plain", text}}},
              {"metadata", Json::object()}};
}

Json error_output() {
  return Json{{"output_type", "error"},
              {"ename", "ZeroDivisionError"},
              {"evalue", "division by zero"},
              {"traceback", Json::array()}};
}

Json code_cell(const std::string& source, Json count, Json outputs) {
  return Json{
      {"cell_type", "code"},        {"execution_count", std::move(count)},
      {"metadata", Json::object()}, {"outputs", std::move(outputs)},
      {"source", source},           {"id", std::to_string(std::hash<std::string>{}(source))}};
}

Notebook notebook_of(Json cells) {
  Notebook notebook;
  notebook.path = "nb.ipynb";
  notebook.document = Json{{"cells", std::move(cells)},
                           {"metadata", {{"kernelspec", {{"name", "python3"}}}}},
                           {"nbformat", 4},
                           {"nbformat_minor", 5}};
  return notebook;
}

// The run a kernel would produce: `fresh` are the executed cells, every code cell ran ok
// unless `outcomes` says otherwise.
NotebookRun run_of(const Notebook& fresh, std::vector<CellStatus> outcomes = {}) {
  NotebookRun run;
  run.notebook = fresh;
  std::size_t code = 0;
  for (std::size_t i = 0; i < fresh.cells().size(); ++i) {
    if (fresh.cells()[i].value("cell_type", "") != "code") continue;
    CellRun cell;
    cell.index = i;
    cell.status = code < outcomes.size() ? outcomes[code] : CellStatus::ok;
    run.cells.push_back(cell);
    ++code;
  }
  return run;
}

check::JudgedRun judged(const Notebook& reference, NotebookRun run) {
  return check::judge_run(reference, std::move(run), {}, {});
}

TempDir scratch() {
  Result<TempDir> dir = TempDir::create("docnb-update-test");
  REQUIRE(dir.ok());
  return std::move(dir).value();
}

} // namespace

TEST_CASE("update: a changed output is replaced, a matching one is kept", "[update]") {
  const Notebook stored = notebook_of(
      {code_cell("print('a')", 1, {stream("old\n")}), code_cell("print('b')", 2, {stream("b\n")})});
  Notebook fresh = stored;
  fresh.cells()[0]["outputs"] = Json::array({stream("new\n")});
  fresh.cells()[0]["metadata"]["execution"] = {{"iopub.status.busy", "t"}};
  const NotebookUpdate update = updated_notebook(stored, judged(stored, run_of(fresh)), {});
  CHECK(update.changed);
  CHECK(update.cells == std::vector<std::size_t>{0});
  CHECK(update.notebook.cells()[0]["outputs"] == Json::array({stream("new\n")}));
  // Only outputs and counts: the timing stamps of the executed copy stay out of the source.
  CHECK(update.notebook.cells()[0]["metadata"] == Json::object());
  CHECK(update.notebook.cells()[1] == stored.cells()[1]);
}

TEST_CASE("update: nothing changes when every cell already matches", "[update]") {
  const Notebook stored = notebook_of({code_cell("1", 1, {result(1, "1")})});
  const NotebookUpdate update = updated_notebook(stored, judged(stored, run_of(stored)), {});
  CHECK_FALSE(update.changed);
  CHECK(update.cells.empty());
}

TEST_CASE("update: a passing cell takes the fresh count, its outputs stay", "[update]") {
  Notebook stored = notebook_of({code_cell("# NBVAL_IGNORE_OUTPUT\nt()", 7, {result(7, "1.5")})});
  Notebook fresh = stored;
  fresh.cells()[0]["execution_count"] = 1;
  fresh.cells()[0]["outputs"] = Json::array({result(1, "2.5")});
  const NotebookUpdate update = updated_notebook(stored, judged(stored, run_of(fresh)), {});
  CHECK(update.changed);
  CHECK(update.cells.empty());
  CHECK(update.notebook.cells()[0]["execution_count"] == 1);
  CHECK(update.notebook.cells()[0]["outputs"] == Json::array({result(1, "1.5")}));
}

TEST_CASE("update: a cell never run takes the fresh outputs", "[update]") {
  const Notebook stored = notebook_of({code_cell("print('x')", nullptr, Json::array())});
  Notebook fresh = stored;
  fresh.cells()[0]["execution_count"] = 1;
  fresh.cells()[0]["outputs"] = Json::array({stream("x\n")});
  const NotebookUpdate update = updated_notebook(stored, judged(stored, run_of(fresh)), {});
  CHECK(update.cells == std::vector<std::size_t>{0});
  CHECK(update.notebook.cells()[0]["execution_count"] == 1);
}

TEST_CASE("update: skipped, unfinished and wrongly raising cells keep what is stored", "[update]") {
  const Notebook stored =
      notebook_of({code_cell("# NBVAL_SKIP\nprint(1)", nullptr, {stream("kept\n")}),
                   code_cell("1/0", 2, {stream("kept\n")}),
                   code_cell("# NBVAL_RAISES_EXCEPTION\n1", 3, {error_output()}),
                   code_cell("sleep()", 4, {stream("kept\n")})});
  Notebook fresh = stored;
  fresh.cells()[0]["outputs"] = Json::array();
  fresh.cells()[1]["outputs"] = Json::array({error_output()});
  fresh.cells()[2]["outputs"] = Json::array({result(3, "1")});
  fresh.cells()[3]["outputs"] = Json::array();
  NotebookRun run = run_of(
      fresh, {CellStatus::skipped, CellStatus::error, CellStatus::ok, CellStatus::timed_out});
  run.cells[1].reply_error = true;
  const NotebookUpdate update = updated_notebook(stored, judged(stored, run), {});
  CHECK_FALSE(update.changed);
  CHECK(update.notebook.document == stored.document);
}

TEST_CASE("update: an expected exception whose message changed is rewritten", "[update]") {
  const Notebook stored =
      notebook_of({code_cell("# NBVAL_RAISES_EXCEPTION\n1/0", 1, {stream("stale\n")})});
  Notebook fresh = stored;
  fresh.cells()[0]["outputs"] = Json::array({error_output()});
  NotebookRun run = run_of(fresh, {CellStatus::error});
  run.cells[0].reply_error = true;
  const NotebookUpdate update = updated_notebook(stored, judged(stored, run), {});
  CHECK(update.cells == std::vector<std::size_t>{0});
  CHECK(update.notebook.cells()[0]["outputs"] == Json::array({error_output()}));
}

TEST_CASE("update: the source is written only when asked and only when it differs", "[update]") {
  const TempDir dir = scratch();
  const fs::path path = dir.path() / "nb.ipynb";
  REQUIRE(write_file_atomically(path, "old\n").ok());

  SourceWrites diff_only{false, true, false};
  SourceUpdate pending = apply_source_update(path, "old\n", std::string("new\n"), {0}, diff_only);
  CHECK(pending.action == SourceUpdate::Action::pending);
  CHECK(pending.diff.find("-old\n+new\n") != std::string::npos);
  CHECK(read_file_bytes(path).value() == "old\n");

  SourceWrites update{true, false, false};
  CHECK(apply_source_update(path, "old\n", std::nullopt, {}, update).action ==
        SourceUpdate::Action::unchanged);
  CHECK(apply_source_update(path, "old\n", std::string("old\n"), {}, update).action ==
        SourceUpdate::Action::unchanged);
  const SourceUpdate written =
      apply_source_update(path, "old\n", std::string("new\n"), {0}, update);
  CHECK(written.action == SourceUpdate::Action::written);
  CHECK(written.diff.empty());
  CHECK(read_file_bytes(path).value() == "new\n");
}

TEST_CASE("update: a source edited while it ran is refused, not overwritten", "[update]") {
  const TempDir dir = scratch();
  const fs::path path = dir.path() / "nb.ipynb";
  REQUIRE(write_file_atomically(path, "edited meanwhile\n").ok());
  const SourceUpdate refused = apply_source_update(path, "as read\n", std::string("fresh\n"), {0},
                                                   SourceWrites{true, false, false});
  CHECK(refused.action == SourceUpdate::Action::refused);
  REQUIRE(refused.error.has_value());
  CHECK(refused.error->where == path.string());
  CHECK(read_file_bytes(path).value() == "edited meanwhile\n");
}

TEST_CASE("update: a script source is left alone: it holds no expected outputs", "[update]") {
  const TempDir dir = scratch();
  const fs::path path = dir.path() / "intro.py";
  REQUIRE(write_file_atomically(path, "# Intro\n").ok());
  const Notebook stored = notebook_of({code_cell("print(1)", nullptr, Json::array())});
  Notebook fresh = stored;
  fresh.cells()[0]["outputs"] = Json::array({stream("1\n")});
  const converters::Converted source{converters::SourceKind::percent, stored, "# Intro\n", {}};
  const SourceUpdate update =
      update_source(source, {}, judged(stored, run_of(fresh)), {}, SourceWrites{true, false, false});
  CHECK(update.action == SourceUpdate::Action::unchanged);
  CHECK_FALSE(update.error.has_value()); // not an error: the run's exit code stays the check's
  CHECK(update.not_written.empty());
  CHECK(read_file_bytes(path).value() == "# Intro\n");
}
