#include "report/console.hpp"

#include <iomanip>

namespace docnb {
namespace {

const char* paint(const ConsoleStyle& style, const char* code) {
  return style.colour ? code : "";
}

} // namespace

void print_source(std::ostream& out, const SourceResult& result, const ConsoleStyle& style) {
  const char* reset = paint(style, "\033[0m");
  if (result.input_error) {
    out << paint(style, "\033[1;31m") << "ERROR" << reset << " " << result.input_error->describe()
        << "\n";
    return;
  }
  std::size_t failed = 0;
  for (const Verdict& verdict : result.verdicts)
    failed += verdict.status == VerdictStatus::failed;
  out << (failed > 0 ? paint(style, "\033[1;31m") : paint(style, "\033[1;32m"))
      << (failed > 0 ? "FAIL " : "PASS ") << reset << result.source.string() << " ("
      << result.verdicts.size() << " cells, " << std::fixed << std::setprecision(1)
      << result.seconds << " s)\n";
  for (const Verdict& verdict : result.verdicts) {
    if (verdict.status != VerdictStatus::failed) continue;
    out << "  cell " << verdict.cell;
    if (!verdict.first_line.empty()) out << " `" << verdict.first_line << "`";
    out << ": " << verdict.reason << "\n";
    for (const std::string& detail : verdict.details) {
      std::size_t start = 0;
      while (start <= detail.size()) {
        const std::size_t end = detail.find('\n', start);
        out << "    " << detail.substr(start, end - start) << "\n";
        if (end == std::string::npos) break;
        start = end + 1;
      }
    }
  }
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
  out << "docnb: " << totals.passed << " passed, " << totals.failed << " failed, " << totals.skipped
      << " skipped\n";
}

} // namespace docnb
