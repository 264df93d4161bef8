#include "converters/pycon.hpp"

#include "converters/text_source.hpp"

#include <string_view>

namespace docnb::converters {
namespace {

// "rest" when `line` (indentation removed) is `prompt` alone or `prompt` and a space.
std::optional<std::string> after_prompt(std::string_view line, std::string_view prompt) {
  if (line.substr(0, prompt.size()) != prompt) return std::nullopt;
  std::string_view rest = line.substr(prompt.size());
  if (rest.empty()) return std::string();
  if (rest.front() == ' ') return std::string(rest.substr(1));
  return std::nullopt;
}

bool opens_a_block(const std::string& statement) {
  const std::string_view text = trim(statement);
  if (text.empty()) return false;
  const char last = text.back();
  return last == ':' || last == '(' || last == '[' || last == '{' || last == ',' || last == '\\';
}

} // namespace

bool starts_with_prompt(const std::string& line) {
  const std::string_view text = trim(line);
  return text.substr(0, 3) == ">>>" && (text.size() == 3 || text[3] == ' ');
}

PyconSession split_pycon(const std::vector<std::string>& lines, int first_line,
                         bool one_statement_each) {
  enum class State { outside, source, want };
  PyconSession session;
  State state = State::outside;
  int indent = -1;
  int statement_lines = 0; // lines of the part's current statement
  std::vector<std::string> want;
  const auto finish_want = [&] {
    if (!session.parts.empty() && !want.empty()) {
      std::string text;
      for (const std::string& line : want)
        text += line + "\n";
      session.parts.back().want = std::move(text);
    }
    want.clear();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& raw = lines[i];
    const int number = first_line + static_cast<int>(i);
    if (is_blank(raw)) {
      if (state == State::want) finish_want();
      if (state != State::outside) state = State::outside;
      continue;
    }
    const std::string_view text = std::string_view(raw).substr(raw.find_first_not_of(" \t"));
    if (const auto statement = after_prompt(text, ">>>")) {
      if (indent < 0) indent = indentation(raw);
      const bool new_part = session.parts.empty() || state != State::source ||
                            session.parts.back().want || one_statement_each;
      if (state == State::want) finish_want();
      if (new_part) {
        session.parts.push_back({*statement, number, number, std::nullopt, 0, 0});
      } else {
        session.parts.back().source += "\n" + *statement;
        session.parts.back().last_line = number;
      }
      statement_lines = 1;
      state = State::source;
      continue;
    }
    if (state == State::source) {
      if (const auto continued = after_prompt(text, "...")) {
        // stdlib doctest's parser reads every `...` line as a continuation.
        const bool ellipsis_want = !one_statement_each && text == "..." && statement_lines == 1 &&
                                   !opens_a_block(session.parts.back().source.substr(
                                       session.parts.back().source.rfind('\n') + 1));
        if (!ellipsis_want) {
          session.parts.back().source += "\n" + *continued;
          session.parts.back().last_line = number;
          ++statement_lines;
          continue;
        }
      }
    }
    if (state == State::source || state == State::want) {
      PyconPart& part = session.parts.back();
      if (state == State::source) part.want_line = number;
      part.want_last_line = number;
      want.push_back(dedent(raw, indent));
      state = State::want;
      continue;
    }
    session.stray_lines.push_back(number);
  }
  finish_want();
  for (PyconPart& part : session.parts) {
    if (!part.want) part.want_line = part.want_last_line = 0;
  }
  return session;
}

std::vector<int> add_session_cells(const std::vector<std::string>& lines, int first_line,
                                   const SourceMap& base, const Json& metadata, CellList& cells,
                                   bool one_statement_each) {
  PyconSession session = split_pycon(lines, first_line, one_statement_each);
  for (const PyconPart& part : session.parts) {
    SourceMap map = base;
    map.line = part.line;
    map.last_line = part.last_line;
    map.want = part.want;
    map.want_line = part.want_line;
    map.want_last_line = part.want_last_line;
    cells.add_code(part.source, map, metadata);
  }
  return std::move(session.stray_lines);
}

} // namespace docnb::converters
