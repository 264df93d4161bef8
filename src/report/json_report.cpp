#include "report/json_report.hpp"

#include "support/stop_request.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace docnb {
namespace {

// Keys in the order written, as the schema lists them.
using Record = nlohmann::ordered_json;

Record example_record(const std::string& file, const Verdict& verdict) {
  Record record;
  record["file"] = file;
  record["example"] = example_name(verdict);
  // An example that spans cells (the parts of a `>>>` session or a docstring example) lists
  // them all; a notebook cell is an example of one cell.
  record["cells"] = verdict.cells.empty() ? Record::array({verdict.cell}) : Record(verdict.cells);
  record["parts_skipped"] = verdict.parts_skipped;
  record["line"] = verdict.line;
  record["status"] = to_string(verdict.outcome);
  record["reason"] = verdict.reason;
  record["details"] = verdict.details;
  // nlohmann writes NaN as null, which a reader expecting a number rejects.
  record["seconds"] = std::isfinite(verdict.seconds) && verdict.seconds > 0 ? verdict.seconds : 0.0;
  return record;
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
                        const std::filesystem::path& cwd) {
  Record examples = Record::array();
  Record errors = Record::array();
  Record warnings = Record::array();
  for (const SourceResult& result : results) {
    const std::string file = report_path(result.source, cwd);
    if (result.input_error) {
      errors.push_back(Record{{"file", file},
                              {"message", result.input_error->message},
                              {"where", result.input_error->where}});
    }
    for (const std::string& warning : result.warnings)
      warnings.push_back(Record{{"file", file}, {"message", warning}});
    for (const Verdict& verdict : result.verdicts) {
      examples.push_back(example_record(file, verdict));
    }
  }
  Record report;
  report["examples"] = std::move(examples);
  report["errors"] = std::move(errors);
  report["warnings"] = std::move(warnings);
  report["totals"] =
      Record{{"passed", totals.passed}, {"failed", totals.failed}, {"skipped", totals.skipped}};
  // A run stopped by a signal reports what finished; a reader must not take it for the whole.
  report["incomplete"] = totals.stopped_by != 0;
  if (totals.stopped_by != 0) report["stopped_by"] = signal_name(totals.stopped_by);
  // Cell outputs are not guaranteed UTF-8 (a kernel may print raw bytes); replace the bad
  // bytes with U+FFFD rather than throw and lose the whole report.
  return report.dump(2, ' ', false, Record::error_handler_t::replace) + "\n";
}

} // namespace docnb
