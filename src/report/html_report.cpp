#include "report/html_report.hpp"

#include "report/html_escape.hpp"
#include "report/html_page.hpp"

#include <map>
#include <vector>

namespace docnb {
namespace {

using Json = nlohmann::json;

struct Counts {
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;
};

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string summary_html(const Json& report, std::size_t sources) {
  const Json totals = report.value("totals", Json::object());
  const std::size_t errors = report.value("errors", Json::array()).size();
  std::string html = "<p class=\"summary\">docnb: " + plural(sources, "source", "sources") +
                     " in " + seconds_text(report.value("seconds", 0.0));
  if (errors > 0) html += ", " + std::to_string(errors) + " could not run";
  html += " — <span class=\"passed\">" + std::to_string(totals.value("passed", 0)) +
          " passed</span> <span class=\"failed\">" + std::to_string(totals.value("failed", 0)) +
          " failed</span> <span class=\"skipped\">" + std::to_string(totals.value("skipped", 0)) +
          " skipped</span></p>";
  return html;
}

std::string filters_html(const Json& report) {
  const Json totals = report.value("totals", Json::object());
  const std::size_t all = report.value("examples", Json::array()).size();
  return "<nav class=\"filters\">show <label for=\"show-all\">all (" + std::to_string(all) +
         ")</label><label for=\"show-failed\">failed (" +
         std::to_string(totals.value("failed", 0)) +
         ")</label><label for=\"show-skipped\">"
         "skipped (" +
         std::to_string(totals.value("skipped", 0)) + ")</label>" +
         "<input type=\"search\" id=\"search\" placeholder=\"search code, outputs, names\" "
         "aria-label=\"search\" hidden></nav>";
}

std::string slowest_html(const Json& report, const std::map<std::string, std::size_t>& anchors) {
  const Json slowest = report.value("slowest", Json::array());
  if (slowest.empty()) return {};
  std::string html = "<details class=\"slowest\" open><summary>slowest examples</summary><ol>";
  for (const Json& entry : slowest) {
    const std::string key = entry.value("file", "") + "\n" + entry.value("example", "");
    const auto anchor = anchors.find(key);
    const std::string name = escape_html(entry.value("example", ""));
    html += "<li>" + seconds_text(entry.value("seconds", 0.0)) + " " +
            (anchor != anchors.end()
                 ? "<a href=\"#example-" + std::to_string(anchor->second) + "\">" + name + "</a>"
                 : name) +
            "</li>";
  }
  return html + "</ol></details>";
}

std::string header_html(const Json& report, std::size_t sources,
                        const std::map<std::string, std::size_t>& anchors) {
  std::string html = "<header><h1>docnb report</h1>" + summary_html(report, sources);
  if (const Json command = report.value("command", Json::array()); !command.empty())
    html += "<p class=\"command\">command: <code>" + escape_html(shell_command(command)) +
            "</code></p>";
  return html + slowest_html(report, anchors) + filters_html(report) + "</header>\n";
}

std::string errors_html(const Json& errors) {
  if (errors.empty()) return {};
  std::string html = "<section class=\"errors\"><h2>Sources that could not run</h2><ul>";
  for (const Json& error : errors) {
    const std::string where = error.value("where", "");
    html += "<li><span class=\"badge error\">ERROR</span> <span class=\"file\">" +
            escape_html(error.value("file", "")) +
            "</span>: " + escape_html(error.value("message", "")) +
            (where.empty() ? "" : " <span class=\"where\">(" + escape_html(where) + ")</span>") +
            "</li>";
  }
  return html + "</ul></section>\n";
}

struct Source {
  Json record; // the report's "sources" entry
  std::vector<std::size_t> examples;
  Counts counts;
};

// The sources in the report's order, each with its examples; one per file an example names
// when the report lists no sources.
std::vector<Source> sources_of(const Json& report) {
  std::vector<Source> sources;
  std::map<std::string, std::size_t> by_file;
  const auto add = [&](const std::string& file, Json record) {
    by_file.emplace(file, sources.size());
    sources.push_back({std::move(record), {}, {}});
  };
  for (const Json& record : report.value("sources", Json::array()))
    add(record.value("file", ""), record);
  const Json& examples = report.at("examples");
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const std::string file = examples[i].value("file", "");
    if (!by_file.contains(file)) add(file, Json{{"file", file}});
    Source& source = sources[by_file[file]];
    source.examples.push_back(i);
    const std::string status = examples[i].value("status", "");
    (status == "failed"    ? source.counts.failed
     : status == "skipped" ? source.counts.skipped
                           : source.counts.passed)++;
  }
  return sources;
}

std::string source_html(const Source& source, const Json& examples, const SourceLinks& links) {
  const bool failed = source.counts.failed > 0 || source.record.value("status", "") == "failed";
  std::string classes = failed ? "source failed has-failed" : "source";
  if (source.counts.skipped > 0) classes += " has-skipped";
  const std::string file = source.record.value("file", "");
  std::string html =
      "<section class=\"" + classes + "\"><details open" + (failed ? "" : " data-collapsed") +
      "><summary><span class=\"badge " + (failed ? "failed\">FAIL" : "passed\">PASS") +
      "</span> <a href=\"" + links.href(file, 0) + "\">" + escape_html(file) +
      "</a> <span class=\"counts\">" + std::to_string(source.counts.passed) + " passed, " +
      std::to_string(source.counts.failed) + " failed, " + std::to_string(source.counts.skipped) +
      " skipped</span> <span "
      "class=\"seconds\">" +
      seconds_text(source.record.value("seconds", 0.0)) +
      (source.record.value("cached", false) ? ", cached" : "") + "</span></summary>";
  const Json warnings = source.record.value("warnings", Json::array());
  if (!warnings.empty()) {
    html += "<ul class=\"warnings\">";
    for (const Json& warning : warnings)
      html += "<li>warning: " + escape_html(warning.get<std::string>()) + "</li>";
    html += "</ul>";
  }
  for (const std::size_t index : source.examples)
    html += example_html(examples[index], index, links);
  return html + "</details></section>\n";
}

std::string report_html(const Json& report, const SourceLinks& links) {
  const Json& examples = report.at("examples");
  std::map<std::string, std::size_t> anchors;
  for (std::size_t i = 0; i < examples.size(); ++i)
    anchors.emplace(examples[i].value("file", "") + "\n" + examples[i].value("example", ""), i);
  std::vector<Source> sources = sources_of(report);
  std::string main;
  // Failing sources first, each group in the report's order.
  for (const bool failing : {true, false}) {
    for (const Source& source : sources) {
      const bool failed = source.counts.failed > 0 || source.record.value("status", "") == "failed";
      if (failed == failing && !source.examples.empty())
        main += source_html(source, examples, links);
    }
  }
  const std::string body =
      "<input type=\"radio\" name=\"show\" id=\"show-all\" class=\"filter\" checked>"
      "<input type=\"radio\" name=\"show\" id=\"show-failed\" class=\"filter\">"
      "<input type=\"radio\" name=\"show\" id=\"show-skipped\" class=\"filter\">\n" +
      header_html(report, sources.size(), anchors) + "<main>\n" +
      errors_html(report.value("errors", Json::array())) + main + "</main>";
  const Json totals = report.value("totals", Json::object());
  const std::string title = "docnb: " + std::to_string(totals.value("failed", 0)) + " failed, " +
                            std::to_string(totals.value("passed", 0)) + " passed";
  return html_page(title, body);
}

} // namespace

std::string shell_command(const Json& argv) {
  std::string line;
  for (const Json& argument : argv) {
    const std::string text = argument.is_string() ? argument.get<std::string>() : argument.dump();
    const bool plain = !text.empty() &&
                       text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "0123456789_-./=:,+@%") == std::string::npos;
    if (!line.empty()) line += ' ';
    if (plain) {
      line += text;
      continue;
    }
    line += '\'';
    for (const char c : text)
      line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += '\'';
  }
  return line;
}

Result<std::string> html_report(const Json& report, const SourceLinks& links) {
  if (!report.is_object() || !report.contains("examples") || !report["examples"].is_array()) {
    return Error{"not a docnb JSON report: no \"examples\" list", ""};
  }
  // nlohmann reports a value of the wrong type by throwing; a report edited by hand, or one of
  // another tool, is an input error, not a crash.
  try {
    return report_html(report, links);
  } catch (const nlohmann::json::exception& error) {
    return Error{std::string("not a docnb JSON report: ") + error.what(), ""};
  }
}

} // namespace docnb
