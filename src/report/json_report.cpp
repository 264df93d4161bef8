#include "report/json_report.hpp"

#include "report/failure_text.hpp"
#include "support/stop_request.hpp"

#include "report/report_outputs.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace docnb {
namespace {

using ReportJson = nlohmann::ordered_json;

// How many examples the report names as the slowest.
constexpr std::size_t slowest_shown = 10;

// nlohmann writes NaN as null, which a reader expecting a number rejects.
double seconds_of(double seconds) {
  return std::isfinite(seconds) && seconds > 0 ? seconds : 0.0;
}

std::vector<std::size_t> cells_of(const Verdict& verdict) {
  return verdict.cells.empty() ? std::vector<std::size_t>{verdict.cell} : verdict.cells;
}

// The code and outputs of each cell of the example. An example that passed shows what it
// produced; the expectation it matched is left out.
ReportJson parts_of(const Verdict& verdict, const std::vector<CellContent>& contents) {
  ReportJson parts = ReportJson::array();
  for (const std::size_t cell : cells_of(verdict)) {
    const CellContent* content = content_of(contents, cell);
    if (content == nullptr) continue;
    ReportJson part;
    part["cell"] = cell;
    part["code"] = content->code;
    if (verdict.outcome != Outcome::passed) {
      part["expected"] = report_outputs(content->expected);
      part["want"] = content->want ? ReportJson(*content->want) : ReportJson();
    }
    part["got"] = report_outputs(content->got);
    part["normalisations"] = content->normalisations;
    parts.push_back(std::move(part));
  }
  return parts;
}

ReportJson example_record(const std::string& file, const SourceResult& result,
                          const Verdict& verdict) {
  const std::vector<CellContent>& contents = result.contents;
  ReportJson record;
  record["file"] = file;
  record["example"] = example_name(verdict);
  // An example that spans cells (the parts of a `>>>` session or a docstring example) lists
  // them all; a notebook cell is an example of one cell.
  record["cells"] = cells_of(verdict);
  record["cell"] = verdict.cell; // of a failed example, its failing part
  record["parts_skipped"] = verdict.parts_skipped;
  record["line"] = verdict.line;
  record["located"] = verdict.in_text ? "line" : "cell";
  record["first_line"] = verdict.first_line;
  record["status"] = to_string(verdict.outcome);
  record["reason"] = verdict.reason;
  record["details"] = verdict.details;
  record["seconds"] = seconds_of(verdict.seconds);
  record["parts"] = parts_of(verdict, contents);
  // What the console prints for the failure, so that a reader (pytest's plugin) shows the same.
  record["text"] = verdict.outcome == Outcome::failed ? failure_text(result.source, verdict) : "";
  return record;
}

ReportJson source_record(const std::string& file, const SourceResult& result) {
  const char* status = result.input_error ? "error" : result.failed() ? "failed" : "passed";
  return ReportJson{{"file", file},
                    {"status", status},
                    {"seconds", seconds_of(result.seconds)},
                    {"cached", result.cached},
                    {"warnings", result.warnings}};
}

ReportJson slowest_of(const ReportJson& examples) {
  std::vector<const ReportJson*> order;
  for (const ReportJson& example : examples)
    if (example["seconds"].get<double>() > 0) order.push_back(&example);
  const std::size_t shown = std::min(slowest_shown, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                    [](const ReportJson* a, const ReportJson* b) {
                      return (*a)["seconds"].get<double>() > (*b)["seconds"].get<double>();
                    });
  ReportJson slowest = ReportJson::array();
  for (std::size_t i = 0; i < shown; ++i) {
    slowest.push_back(ReportJson{{"file", (*order[i])["file"]},
                                 {"example", (*order[i])["example"]},
                                 {"seconds", (*order[i])["seconds"]}});
  }
  return slowest;
}

} // namespace

std::string report_path(const std::filesystem::path& source, const std::filesystem::path& cwd) {
  if (source.is_absolute() && cwd.is_absolute()) {
    const std::filesystem::path relative =
        source.lexically_normal().lexically_relative(cwd.lexically_normal());
    const bool under = !relative.empty() && *relative.begin() != "..";
    if (under) {
      return relative.generic_string();
    }
  }
  return source.lexically_normal().generic_string();
}

std::string example_name(const Verdict& verdict) {
  if (!verdict.example.empty()) {
    return verdict.example.str();
  }
  return "cell " + std::to_string(verdict.cell);
}

std::string example_in_file(const Verdict& verdict) {
  const std::string name = example_name(verdict);
  const std::size_t separator = name.rfind("::");
  return separator == std::string::npos ? name : name.substr(separator + 2);
}

std::string json_report(const std::vector<SourceResult>& results, const RunTotals& totals,
                        const std::filesystem::path& cwd, const ReportRun& run) {
  ReportJson examples = ReportJson::array();
  ReportJson errors = ReportJson::array();
  ReportJson sources = ReportJson::array();
  ReportJson warnings = ReportJson::array();
  for (const SourceResult& result : results) {
    const std::string file = report_path(result.source, cwd);
    if (result.input_error) {
      errors.push_back(ReportJson{{"file", file},
                                  {"message", result.input_error->message},
                                  {"where", result.input_error->where}});
    }
    sources.push_back(source_record(file, result));
    for (const std::string& warning : result.warnings)
      warnings.push_back(ReportJson{{"file", file}, {"message", warning}});
    for (const Verdict& verdict : result.verdicts) {
      examples.push_back(example_record(file, result, verdict));
    }
  }
  ReportJson slowest = slowest_of(examples);
  ReportJson report;
  report["examples"] = std::move(examples);
  report["errors"] = std::move(errors);
  report["warnings"] = std::move(warnings);
  report["totals"] =
      ReportJson{{"passed", totals.passed}, {"failed", totals.failed}, {"skipped", totals.skipped}};
  // A run stopped by a signal reports what finished; a reader must not take it for the whole.
  report["incomplete"] = totals.stopped_by != 0;
  if (totals.stopped_by != 0) report["stopped_by"] = signal_name(totals.stopped_by);
  report["sources"] = std::move(sources);
  report["slowest"] = std::move(slowest);
  report["command"] = run.command;
  report["seconds"] = seconds_of(run.seconds);
  // Cell outputs are not guaranteed UTF-8 (a kernel may print raw bytes); replace the bad
  // bytes with U+FFFD rather than throw and lose the whole report.
  return report.dump(2, ' ', false, ReportJson::error_handler_t::replace) + "\n";
}

} // namespace docnb
