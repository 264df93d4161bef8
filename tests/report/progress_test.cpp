#include "report/progress.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace docnb;

namespace {

SourceResult finished_source(const std::string& path, bool failed) {
  SourceResult result;
  result.source = path;
  Verdict verdict;
  verdict.outcome = failed ? Outcome::failed : Outcome::passed;
  verdict.reason = "output differs";
  result.verdicts.push_back(verdict);
  return result;
}

} // namespace

TEST_CASE("without a terminal progress is one whole line per finished source",
          "[report][progress]") {
  std::ostringstream out;
  Progress progress(out, ConsoleStyle{}, /*tty=*/false, 3);
  progress.started("docs/a.ipynb");
  progress.started("docs/b.ipynb");
  progress.finished(finished_source("docs/a.ipynb", false));
  progress.started("docs/c.ipynb");
  progress.finished(finished_source("docs/c.ipynb", false));
  progress.finished(finished_source("docs/b.ipynb", false));
  progress.close();
  const std::string text = out.str();
  CHECK(text.find('\r') == std::string::npos);
  CHECK(text.find('\033') == std::string::npos);
  CHECK(text == "PASS docs/a.ipynb (1 cells, 0.0 s)\n"
                "PASS docs/c.ipynb (1 cells, 0.0 s)\n"
                "PASS docs/b.ipynb (1 cells, 0.0 s)\n");
}

TEST_CASE("on a terminal one status line is redrawn in place", "[report][progress]") {
  std::ostringstream out;
  Progress progress(out, ConsoleStyle{}, /*tty=*/true, 3);
  progress.started("docs/a.ipynb");
  progress.started("docs/b.ipynb");
  // Sources by their path: two folders may hold an intro.ipynb each.
  CHECK(progress.status() == "[0/3] | running: docs/a.ipynb, docs/b.ipynb");
  progress.finished(finished_source("docs/a.ipynb", true));
  const std::string status = progress.status();
  CHECK(status.starts_with("[1/3] 1 failed | running: docs/b.ipynb | ETA "));
  progress.finished(finished_source("docs/b.ipynb", false));
  progress.started("docs/c.ipynb");
  progress.finished(finished_source("docs/c.ipynb", false));
  progress.close();
  const std::string text = out.str();
  // Each redraw returns to the line start and clears it; finished sources are whole lines.
  CHECK(text.find("\r\033[K[0/3] | running: docs/a.ipynb") != std::string::npos);
  CHECK(text.find("\r\033[KFAIL docs/a.ipynb") != std::string::npos);
  CHECK(text.find("\r\033[KPASS docs/c.ipynb (1 cells, 0.0 s)\n") != std::string::npos);
  CHECK(text.ends_with("PASS docs/c.ipynb (1 cells, 0.0 s)\n")); // closed: no status left
}
