#include "report/console.hpp"

#include "report/json_report.hpp"
#include "support/stop_request.hpp"
#include "report/failure_text.hpp"

#include <iomanip>
#include <string>

namespace docnb {
namespace {

const char* paint(const ConsoleStyle& style, const char* code) {
  return style.colour ? code : "";
}

std::string numbered(const char* one, const char* many, const std::vector<std::size_t>& numbers) {
  std::string text = numbers.size() == 1 ? one : many;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(numbers[i]);
  }
  return text;
}

// Text sources name the lines of their wants; notebooks their cells (or only their counts).
std::string rewritten(const SourceUpdate& update) {
  if (!update.lines.empty())
    return numbered("the want at line ", "the wants at lines ", update.lines);
  if (!update.cells.empty()) return numbered("Cell ", "Cells ", update.cells);
  return "execution counts";
}

void print_update(std::ostream& out, const SourceUpdate& update, const ConsoleStyle& style) {
  const char* reset = paint(style, "\033[0m");
  const std::string what = rewritten(update);
  switch (update.action) {
  case SourceUpdate::Action::unchanged:
    break;
  case SourceUpdate::Action::written:
    out << paint(style, "\033[1;36m") << "  UPDATED " << reset << what << " written back\n";
    break;
  case SourceUpdate::Action::pending:
    out << paint(style, "\033[36m") << "  --update would rewrite " << reset << what << "\n";
    break;
  case SourceUpdate::Action::refused:
    out << paint(style, "\033[1;31m") << "  NOT UPDATED " << reset
        << (update.error ? update.error->describe() : std::string()) << "\n";
    break;
  }
  for (const std::string& note : update.not_written)
    out << paint(style, "\033[33m") << "  " << note << reset << "\n";
  out << update.diff;
}

} // namespace

void print_source(std::ostream& out, const SourceResult& result, const ConsoleStyle& style) {
  // A module without docstring examples or a page without code: nothing to say.
  if (result.verdicts.empty() && !result.input_error && !result.write_error &&
      result.warnings.empty()) {
    return;
  }
  const char* reset = paint(style, "\033[0m");
  if (result.input_error) {
    out << paint(style, "\033[1;31m") << "ERROR" << reset << " " << result.input_error->describe()
        << "\n";
    return;
  }
  std::size_t failed = 0;
  for (const Verdict& verdict : result.verdicts)
    failed += verdict.outcome == Outcome::failed;
  out << (failed > 0 ? paint(style, "\033[1;31m") : paint(style, "\033[1;32m"))
      << (failed > 0 ? "FAIL " : "PASS ") << reset << result.source.string() << " ("
      << result.verdicts.size()
      << (result.source.extension() == ".ipynb" ? " cells, " : " examples, ") << std::fixed
      << std::setprecision(1) << result.seconds << " s" << (result.cached ? ", cached" : "")
      << (result.examples_cached > 0
              ? ", " + std::to_string(result.examples_cached) + " from the cache"
              : std::string())
      << ")\n";
  for (const Verdict& verdict : result.verdicts) {
    if (verdict.outcome != Outcome::failed) continue;
    // The console indents each example's lines under its source's line.
    const std::string text = failure_text(result.source, verdict);
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      out << "  " << text.substr(start, end - start + 1);
      start = end + 1;
    }
  }
  if (result.update) print_update(out, *result.update, style);
  if (result.write_error) {
    out << paint(style, "\033[1;31m") << "  ERROR " << reset << result.write_error->describe()
        << "\n";
  }
  for (const std::string& warning : result.warnings) {
    out << paint(style, "\033[33m") << "  warning: " << reset << warning << "\n";
  }
}

void print_summary(std::ostream& out, const RunTotals& totals, std::size_t sources,
                   double seconds) {
  out << "docnb: " << sources << (sources == 1 ? " source" : " sources") << " in " << std::fixed
      << std::setprecision(1) << seconds << " s";
  if (totals.input_errors > 0) out << ", " << totals.input_errors << " with input or output errors";
  out << "\n";
  if (totals.stopped_by != 0) {
    out << "docnb: stopped by " << signal_name(totals.stopped_by)
        << ": incomplete, only what finished is counted\n";
  }
  out << "docnb: " << totals.passed << " passed, " << totals.failed << " failed, " << totals.skipped
      << " skipped\n";
}

} // namespace docnb
