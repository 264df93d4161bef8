#include "report/failure_text.hpp"

#include "report/json_report.hpp"

namespace docnb {

std::string failure_text(const std::filesystem::path& source, const Verdict& verdict) {
  std::string text = verdict.in_text ? source.string() + ":" + std::to_string(verdict.line)
                                     : example_in_file(verdict);
  if (!verdict.first_line.empty()) text += " `" + verdict.first_line + "`";
  text += ": " + verdict.reason + "\n";
  for (const std::string& detail : verdict.details) {
    std::size_t start = 0;
    while (start <= detail.size()) {
      const std::size_t end = detail.find('\n', start);
      text += "  " + detail.substr(start, end - start) + "\n";
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  // A docstring example can be run alone by its id, as xdoctest's report offers.
  if (verdict.in_text && verdict.example.kind() == ExampleId::Kind::named) {
    text += "  rerun: docnb run '" + verdict.example.str() + "'\n";
  }
  return text;
}

} // namespace docnb
