#include "report/junit_report.hpp"

#include "report/html_escape.hpp"
#include "report/json_report.hpp"
#include "support/stop_request.hpp"
#include "support/terminal_escapes.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace docnb {
namespace {

// Seconds as "1.250", whatever the process locale says a decimal point is.
std::string seconds_text(double seconds) {
  std::array<char, 32> buffer{};
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                 std::isfinite(seconds) && seconds > 0 ? seconds : 0.0,
                                 std::chars_format::fixed, 3);
  return end.ec == std::errc{} ? std::string(buffer.data(), end.ptr) : "0.000";
}

// The length of the well-formed UTF-8 sequence at the start of `text`, or 0 when it is
// malformed (bad lead byte, missing or bad continuation, overlong form, surrogate, > U+10FFFF).
std::size_t utf8_length(std::string_view text, char32_t& code_point) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t lead = byte(0);
  std::size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2, min = 0x80, code_point = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3, min = 0x800, code_point = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4, min = 0x10000, code_point = lead & 0x07U;
  } else {
    return 0;
  }
  if (text.size() < length) {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0U) != 0x80U) {
      return 0;
    }
    code_point = (code_point << 6U) | (byte(i) & 0x3FU);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < min || code_point > 0x10FFFF || surrogate) {
    return 0;
  }
  return length;
}

// XML 1.0's Char production, less what is already known to be valid UTF-8.
bool allowed_in_xml(char32_t c) {
  if (c < 0x20) {
    return c == '\t' || c == '\n' || c == '\r';
  }
  return c != 0xFFFE && c != 0xFFFF;
}

void open_suite(std::string& xml, const std::string& file, std::size_t tests, std::size_t failures,
                std::size_t errors, std::size_t skipped, double seconds) {
  const std::string name = xml_escape(file, true);
  xml += "  <testsuite name=\"" + name + "\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
         std::to_string(failures) + "\" errors=\"" + std::to_string(errors) + "\" skipped=\"" +
         std::to_string(skipped) + "\" time=\"" + seconds_text(seconds) + "\">\n";
}

void add_testcase(std::string& xml, const std::string& file, bool notebook,
                  const Verdict& verdict) {
  const std::string name = xml_escape(file, true);
  xml += "    <testcase classname=\"" + name + "\" name=\"" +
         xml_escape(example_name(verdict), true) + "\" file=\"" + name + "\"";
  // For a .ipynb the verdict's line is a cell index: as a line of the JSON file it would send
  // a reader to the wrong place, so only other sources say where.
  if (verdict.line > 0 && !notebook) {
    xml += " line=\"" + std::to_string(verdict.line) + "\"";
  }
  xml += " time=\"" + seconds_text(verdict.seconds) + "\"";
  if (verdict.outcome == Outcome::passed) {
    xml += "/>\n";
    return;
  }
  xml += ">\n";
  const std::string message = xml_escape(verdict.reason, true);
  if (verdict.outcome == Outcome::skipped) {
    xml += "      <skipped message=\"" + message + "\"/>\n";
  } else {
    // The body is what CI pages show expanded: the reason again, then each diff.
    std::string body = verdict.reason;
    for (const std::string& detail : verdict.details) {
      body += "\n" + detail;
    }
    xml += "      <failure message=\"" + message + R"(" type="failure">)" +
           xml_escape(body, false) + "</failure>\n";
  }
  xml += "    </testcase>\n";
}

void add_input_error(std::string& xml, const std::string& file, const Error& error) {
  const std::string name = xml_escape(file, true);
  xml += "    <testcase classname=\"" + name + "\" name=\"" + name + "\" file=\"" + name +
         "\" time=\"0.000\">\n      <error message=\"" + xml_escape(error.message, true) +
         R"(" type="input error">)" + xml_escape(error.describe(), false) +
         "</error>\n    </testcase>\n";
}

} // namespace

std::string xml_escape(std::string_view text, bool attribute) {
  const std::string plain = strip_terminal_escapes(text);
  std::string_view rest = plain;
  std::string out;
  out.reserve(plain.size());
  while (!rest.empty()) {
    char32_t c = 0;
    const std::size_t length = utf8_length(rest, c);
    if (length == 0) {
      out += "\xEF\xBF\xBD"; // U+FFFD, one per bad byte, as Python's errors="replace"
      rest.remove_prefix(1);
      continue;
    }
    const std::string_view bytes = rest.substr(0, length);
    rest.remove_prefix(length);
    if (!allowed_in_xml(c)) {
      continue;
    }
    if (const std::string_view reference = markup_reference(static_cast<char>(c));
        c < 0x80 && !reference.empty()) {
      out += reference;
      continue;
    }
    switch (c) {
    // A parser normalises raw whitespace in attributes to spaces; references keep it, so a
    // multi-line reason survives. In content \r would become \n, so keep it as a reference.
    case '\n':
      out += attribute ? "&#10;" : "\n";
      break;
    case '\t':
      out += attribute ? "&#9;" : "\t";
      break;
    case '\r':
      out += "&#13;";
      break;
    default:
      out += bytes;
    }
  }
  return out;
}

std::string junit_report(const std::vector<SourceResult>& results, const RunTotals& totals,
                         const std::filesystem::path& cwd) {
  std::string suites;
  double seconds = 0;
  for (const SourceResult& result : results) {
    const std::string file = report_path(result.source, cwd);
    std::size_t failures = 0;
    std::size_t skipped = 0;
    for (const Verdict& verdict : result.verdicts) {
      failures += verdict.outcome == Outcome::failed ? 1 : 0;
      skipped += verdict.outcome == Outcome::skipped ? 1 : 0;
    }
    const std::size_t errors = result.input_error ? 1 : 0;
    open_suite(suites, file, result.verdicts.size() + errors, failures, errors, skipped,
               result.seconds);
    if (result.input_error) {
      add_input_error(suites, file, *result.input_error);
    }
    for (const Verdict& verdict : result.verdicts) {
      add_testcase(suites, file, result.source.extension() == ".ipynb", verdict);
    }
    if (!result.warnings.empty()) {
      std::string text;
      for (const std::string& warning : result.warnings) {
        text += "warning: " + warning + "\n";
      }
      suites += "    <system-err>" + xml_escape(text, false) + "</system-err>\n";
    }
    suites += "  </testsuite>\n";
    seconds += result.seconds;
  }
  std::size_t tests = totals.passed + totals.failed + totals.skipped + totals.input_errors;
  std::size_t errors = totals.input_errors;
  if (totals.stopped_by != 0) {
    // A stopped run is an error of its own, so that a CI reader never takes it for the whole.
    open_suite(suites, "docnb", 1, 0, 1, 0, 0);
    add_input_error(suites, "docnb",
                    Error{"incomplete: the run was stopped by " + signal_name(totals.stopped_by) +
                              "; sources that had not finished are not in this report",
                          ""});
    suites += "  </testsuite>\n";
    ++tests;
    ++errors;
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"docnb\" tests=\"" +
         std::to_string(tests) + "\" failures=\"" + std::to_string(totals.failed) + "\" errors=\"" +
         std::to_string(errors) + "\" skipped=\"" + std::to_string(totals.skipped) + "\" time=\"" +
         seconds_text(seconds) + "\">\n" + suites + "</testsuites>\n";
}

} // namespace docnb
