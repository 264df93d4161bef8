#include "converters/pycon.hpp"

#include "converters/text_source.hpp"

#include <algorithm>
#include <cctype>
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

// Whether `code` ends inside a triple-quoted string: a `...` line there is the string's text.
bool in_triple_quoted_string(std::string_view code) {
  std::string_view open; // the open string's quote (one or three quote characters), or empty
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (open.empty()) {
      if (c == '#') {
        i = std::min(code.find('\n', i), code.size());
      } else if (c == '\'' || c == '"') {
        const bool triple = code.substr(i, 3) == std::string(3, c);
        open = code.substr(i, triple ? 3 : 1);
        i += open.size() - 1;
      }
    } else if (c == '\\') {
      ++i;
    } else if (code.substr(i, open.size()) == open) {
      i += open.size() - 1;
      open = {};
    } else if (c == '\n' && open.size() == 1) {
      open = {};
    }
  }
  return open.size() == 3;
}

// Whether a statement carries an inline doctest directive (`x = f()  # doctest: +SKIP`): it
// is then a part of its own, so that the directive (a SKIP) reaches that statement alone.
bool has_inline_directive(std::string_view statement) {
  const std::size_t hash = statement.find('#');
  if (hash == std::string_view::npos || trim(statement.substr(0, hash)).empty()) return false;
  std::string comment(trim(statement.substr(hash + 1)));
  for (char& c : comment)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string_view prefix : {"doctest:", "xdoctest:", "doc:", "xdoc:"}) {
    if (comment.starts_with(prefix)) return true;
  }
  return false;
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
  bool directed = false;   // the last part has a statement with an inline directive
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
      const bool own_part = has_inline_directive(*statement);
      const bool new_part = session.parts.empty() || state != State::source ||
                            session.parts.back().want || own_part || directed || one_statement_each;
      directed = own_part;
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
        const std::string& source = session.parts.back().source;
        const bool ellipsis_want = !one_statement_each && text == "..." && statement_lines == 1 &&
                                   !opens_a_block(source.substr(source.rfind('\n') + 1)) &&
                                   !in_triple_quoted_string(source);
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
    map.session = true;
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
