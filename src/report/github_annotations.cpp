#include "report/github_annotations.hpp"

#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "support/terminal_escapes.hpp"

#include <cctype>

namespace docnb {
namespace {

// GitHub cuts long annotations anyway; a bounded message keeps the log readable and the
// diff's start, which is what a reader needs, survives.
constexpr std::size_t max_message_bytes = 4000;

std::string bounded(std::string text) {
  if (text.size() <= max_message_bytes) {
    return text;
  }
  std::size_t cut = max_message_bytes;
  // Back up to a UTF-8 lead byte, so the cut never splits a character.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  text.resize(cut);
  return text + "\n... (truncated)";
}

// Control characters other than tab and line breaks mean nothing on a web page; drop them so
// the annotation shows what a reader can see.
std::string printable(std::string text) {
  std::erase_if(text, [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F;
  });
  return text;
}

std::string command(std::string_view kind, const std::string& file, std::size_t line,
                    std::string_view title, const std::string& message) {
  std::string out = "::" + std::string(kind) + " file=" + escape_annotation_property(file);
  if (line > 0) {
    out += ",line=" + std::to_string(line);
  }
  out += ",title=" + escape_annotation_property(title);
  out +=
      "::" + escape_annotation_message(bounded(printable(strip_terminal_escapes(message)))) + "\n";
  return out;
}

std::string failure_message(const Verdict& verdict) {
  std::string message = example_in_file(verdict);
  if (!verdict.first_line.empty()) {
    message += " `" + verdict.first_line + "`";
  }
  message += ": " + verdict.reason;
  for (const std::string& detail : verdict.details) {
    message += "\n" + detail;
  }
  return message;
}

// The line in an Error's "file:line" place, or 0 when it names none (a JSON pointer, a file).
std::size_t line_of(const std::string& where) {
  const std::size_t colon = where.rfind(':');
  if (colon == std::string::npos || colon + 1 == where.size()) {
    return 0;
  }
  std::size_t line = 0;
  for (std::size_t i = colon + 1; i < where.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(where[i])) == 0 || line > 100'000'000) {
      return 0;
    }
    line = line * 10 + static_cast<std::size_t>(where[i] - '0');
  }
  return line;
}

} // namespace

std::string escape_annotation_message(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '\r':
      out += "%0D";
      break;
    case '\n':
      out += "%0A";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escape_annotation_property(std::string_view text) {
  std::string out;
  for (const char c : escape_annotation_message(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string github_annotations(const std::vector<SourceResult>& results,
                               const RunTotals& /*totals*/, const std::filesystem::path& cwd) {
  std::string out;
  for (const SourceResult& result : results) {
    const std::string file = report_path(result.source, cwd);
    const bool notebook = result.source.extension() == ".ipynb";
    if (result.input_error) {
      const Error& error = *result.input_error;
      out += command("error", file, notebook ? 1 : line_of(error.where), "docnb", error.describe());
    }
    for (const Verdict& verdict : result.verdicts) {
      if (verdict.outcome != Outcome::failed) {
        continue;
      }
      out += command("error", file, notebook ? 1 : verdict.line,
                     "docnb: " + example_in_file(verdict), failure_message(verdict));
    }
    for (const std::string& warning : result.warnings) {
      out += command("warning", file, 0, "docnb", warning);
    }
  }
  return out;
}

} // namespace docnb
