#include "report/text_diff_html.hpp"

#include "report/ansi_html.hpp"

#include <dtl/dtl.hpp>
#include <vector>

namespace docnb {
namespace {

// Lines longer than this are marked whole when they change: a character diff of two such
// lines costs more than it shows.
constexpr std::size_t longest_character_diff = 4000;

std::vector<TextRange> line_ranges(const std::string& text) {
  std::vector<TextRange> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    lines.push_back({begin, end});
    begin = end + 1;
  }
  return lines;
}

std::vector<std::string> texts_of(const std::string& text, const std::vector<TextRange>& ranges) {
  std::vector<std::string> texts;
  texts.reserve(ranges.size());
  for (const TextRange& range : ranges)
    texts.push_back(text.substr(range.begin, range.end - range.begin));
  return texts;
}

// A line cut into its UTF-8 characters, with their offsets, so that no mark splits one.
struct Characters {
  std::vector<std::string> text;
  std::vector<std::size_t> offsets; // one more than text: the end
};

Characters characters_of(const std::string& plain, TextRange line) {
  Characters chars;
  std::size_t at = line.begin;
  while (at < line.end) {
    std::size_t next = at + 1;
    while (next < line.end && (static_cast<unsigned char>(plain[next]) & 0xC0) == 0x80)
      ++next;
    chars.text.push_back(plain.substr(at, next - at));
    chars.offsets.push_back(at);
    at = next;
  }
  chars.offsets.push_back(line.end);
  return chars;
}

void add_mark(std::vector<TextRange>& marks, std::size_t begin, std::size_t end) {
  if (!marks.empty() && marks.back().end == begin) {
    marks.back().end = end;
  } else {
    marks.push_back({begin, end});
  }
}

// The characters of `old_line` that are not in `new_line`, and the other way round.
std::pair<std::vector<TextRange>, std::vector<TextRange>>
changed_characters(const StyledText& old_text, TextRange old_line, const StyledText& new_text,
                   TextRange new_line) {
  if (old_line.end - old_line.begin > longest_character_diff ||
      new_line.end - new_line.begin > longest_character_diff) {
    return {{old_line}, {new_line}};
  }
  const Characters a = characters_of(old_text.plain, old_line);
  const Characters b = characters_of(new_text.plain, new_line);
  dtl::Diff<std::string, std::vector<std::string>> diff(a.text, b.text);
  diff.compose();
  std::vector<TextRange> old_marks;
  std::vector<TextRange> new_marks;
  for (const auto& [character, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_DELETE) {
      const auto i = static_cast<std::size_t>(info.beforeIdx - 1);
      add_mark(old_marks, a.offsets[i], a.offsets[i + 1]);
    } else if (info.type == dtl::SES_ADD) {
      const auto i = static_cast<std::size_t>(info.afterIdx - 1);
      add_mark(new_marks, b.offsets[i], b.offsets[i + 1]);
    }
  }
  return {old_marks, new_marks};
}

std::string cell(const char* side, const StyledText& text, const TextRange* line,
                 const std::vector<TextRange>& marks = {}) {
  if (line == nullptr) return std::string("<td class=\"") + side + " empty\"></td>";
  return std::string("<td class=\"") + side + "\">" + styled_html(text, *line, marks) + "</td>";
}

} // namespace

std::string text_diff_html(std::string_view expected, std::string_view got) {
  const StyledText old_text = parse_ansi(expected);
  const StyledText new_text = parse_ansi(got);
  const std::vector<TextRange> old_lines = line_ranges(old_text.plain);
  const std::vector<TextRange> new_lines = line_ranges(new_text.plain);
  dtl::Diff<std::string, std::vector<std::string>> diff(texts_of(old_text.plain, old_lines),
                                                        texts_of(new_text.plain, new_lines));
  diff.compose();
  std::string html =
      "<table class=\"diff\"><thead><tr><th>expected</th><th>got</th></tr></thead><tbody>";
  std::vector<std::size_t> removed; // indices of a run of changes, paired up when it ends
  std::vector<std::size_t> added;
  const auto flush = [&] {
    for (std::size_t k = 0; k < std::max(removed.size(), added.size()); ++k) {
      const TextRange* old_line = k < removed.size() ? &old_lines[removed[k]] : nullptr;
      const TextRange* new_line = k < added.size() ? &new_lines[added[k]] : nullptr;
      if (old_line != nullptr && new_line != nullptr) {
        const auto [old_marks, new_marks] =
            changed_characters(old_text, *old_line, new_text, *new_line);
        html += "<tr class=\"changed\">" + cell("old", old_text, old_line, old_marks) +
                cell("new", new_text, new_line, new_marks) + "</tr>";
      } else {
        html += std::string("<tr class=\"") + (old_line != nullptr ? "removed" : "added") + "\">" +
                cell("old", old_text, old_line) + cell("new", new_text, new_line) + "</tr>";
      }
    }
    removed.clear();
    added.clear();
  };
  for (const auto& [line, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_DELETE) {
      removed.push_back(static_cast<std::size_t>(info.beforeIdx - 1));
    } else if (info.type == dtl::SES_ADD) {
      added.push_back(static_cast<std::size_t>(info.afterIdx - 1));
    } else {
      flush();
      const TextRange& old_line = old_lines[static_cast<std::size_t>(info.beforeIdx - 1)];
      const TextRange& new_line = new_lines[static_cast<std::size_t>(info.afterIdx - 1)];
      html += "<tr class=\"same\">" + cell("old", old_text, &old_line) +
              cell("new", new_text, &new_line) + "</tr>";
    }
  }
  flush();
  return html + "</tbody></table>";
}

} // namespace docnb
