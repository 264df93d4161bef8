#include "report/ansi_html.hpp"

#include "report/html_escape.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace docnb {
namespace {

constexpr char escape = '\x1b';

// xterm's 256-colour table beyond the 16 named ones: a 6x6x6 cube, then 24 greys.
std::uint32_t xterm_rgb(unsigned index) {
  if (index >= 232) {
    const unsigned grey = 8 + 10 * (index - 232);
    return grey << 16 | grey << 8 | grey;
  }
  const unsigned cube = index - 16;
  const auto level = [](unsigned n) { return n == 0 ? 0U : 55 + 40 * n; };
  return level(cube / 36) << 16 | level(cube / 6 % 6) << 8 | level(cube % 6);
}

std::vector<unsigned> sgr_parameters(std::string_view text) {
  std::vector<unsigned> parameters;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find_first_of(";:", begin);
    if (end == std::string_view::npos) end = text.size();
    unsigned value = 0;
    std::from_chars(text.data() + begin, text.data() + end, value);
    parameters.push_back(value);
    begin = end + 1;
  }
  return parameters;
}

// 38;5;N and 38;2;R;G;B (and their 48 forms); `i` is left on the last parameter used.
AnsiColour extended_colour(const std::vector<unsigned>& p, std::size_t& i) {
  if (i + 2 < p.size() && p[i + 1] == 5) {
    const unsigned index = std::min(p[i + 2], 255U);
    i += 2;
    if (index < 16) return {AnsiColour::Kind::palette, index};
    return {AnsiColour::Kind::rgb, xterm_rgb(index)};
  }
  if (i + 4 < p.size() && p[i + 1] == 2) {
    const std::uint32_t rgb =
        std::min(p[i + 2], 255U) << 16 | std::min(p[i + 3], 255U) << 8 | std::min(p[i + 4], 255U);
    i += 4;
    return {AnsiColour::Kind::rgb, rgb};
  }
  i = p.size();
  return {};
}

void apply_sgr(const std::vector<unsigned>& p, AnsiStyle& style) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    const unsigned code = p[i];
    if (code == 0) {
      style = {};
    } else if (code == 1) {
      style.bold = true;
    } else if (code == 2) {
      style.dim = true;
    } else if (code == 3) {
      style.italic = true;
    } else if (code == 4) {
      style.underline = true;
    } else if (code == 22) {
      style.bold = style.dim = false;
    } else if (code == 23) {
      style.italic = false;
    } else if (code == 24) {
      style.underline = false;
    } else if (code >= 30 && code <= 37) {
      style.foreground = {AnsiColour::Kind::palette, code - 30};
    } else if (code >= 90 && code <= 97) {
      style.foreground = {AnsiColour::Kind::palette, code - 90 + 8};
    } else if (code >= 40 && code <= 47) {
      style.background = {AnsiColour::Kind::palette, code - 40};
    } else if (code >= 100 && code <= 107) {
      style.background = {AnsiColour::Kind::palette, code - 100 + 8};
    } else if (code == 39) {
      style.foreground = {};
    } else if (code == 49) {
      style.background = {};
    } else if (code == 38) {
      style.foreground = extended_colour(p, i);
    } else if (code == 48) {
      style.background = extended_colour(p, i);
    }
  }
}

// Where the escape sequence starting at `at` (an ESC) ends, and its SGR parameters when it is
// one ("m" final byte).
std::size_t skip_escape(std::string_view text, std::size_t at, AnsiStyle& style) {
  if (at + 1 >= text.size()) return text.size();
  const char kind = text[at + 1];
  if (kind == '[') {
    std::size_t end = at + 2;
    while (end < text.size() && (text[end] < '@' || text[end] > '~'))
      ++end;
    if (end >= text.size()) return text.size();
    if (text[end] == 'm') apply_sgr(sgr_parameters(text.substr(at + 2, end - at - 2)), style);
    return end + 1;
  }
  if (kind == ']') { // OSC: up to BEL or ESC backslash
    const std::size_t bell = text.find('\a', at + 2);
    const std::size_t st = text.find("\x1b\\", at + 2);
    if (bell == std::string_view::npos && st == std::string_view::npos) return text.size();
    return bell < st ? bell + 1 : st + 2;
  }
  return at + 2;
}

std::string colour_class(const char* prefix, const AnsiColour& colour) {
  return std::string(" ") + prefix + std::to_string(colour.value);
}

std::string hex_colour(std::uint32_t rgb) {
  constexpr std::string_view digits = "0123456789abcdef";
  std::string text = "#";
  for (int shift = 20; shift >= 0; shift -= 4)
    text += digits[(rgb >> shift) & 0xF];
  return text;
}

std::string open_span(const AnsiStyle& style) {
  std::string classes;
  std::string css;
  if (style.bold) classes += " ansi-bold";
  if (style.dim) classes += " ansi-dim";
  if (style.italic) classes += " ansi-italic";
  if (style.underline) classes += " ansi-underline";
  if (style.foreground.kind == AnsiColour::Kind::palette)
    classes += colour_class("ansi-fg-", style.foreground);
  if (style.background.kind == AnsiColour::Kind::palette)
    classes += colour_class("ansi-bg-", style.background);
  if (style.foreground.kind == AnsiColour::Kind::rgb)
    css += "color:" + hex_colour(style.foreground.value) + ";";
  if (style.background.kind == AnsiColour::Kind::rgb)
    css += "background-color:" + hex_colour(style.background.value) + ";";
  std::string tag = "<span";
  if (!classes.empty()) tag += " class=\"" + classes.substr(1) + "\"";
  if (!css.empty()) tag += " style=\"" + css + "\"";
  return tag + ">";
}

} // namespace

StyledText parse_ansi(std::string_view text) {
  StyledText styled;
  styled.plain.reserve(text.size());
  AnsiStyle style;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t next = std::min(text.find(escape, at), text.size());
    if (next > at && style != AnsiStyle{}) {
      const std::size_t begin = styled.plain.size();
      StyledRun* last = styled.runs.empty() ? nullptr : &styled.runs.back();
      if (last != nullptr && last->range.end == begin && last->style == style) {
        last->range.end += next - at;
      } else {
        styled.runs.push_back({{begin, begin + (next - at)}, style});
      }
    }
    styled.plain.append(text.substr(at, next - at));
    if (next >= text.size()) break;
    at = skip_escape(text, next, style);
  }
  return styled;
}

std::string styled_html(const StyledText& text, TextRange range,
                        const std::vector<TextRange>& marks) {
  // The runs that overlap the range (runs are sorted and disjoint).
  const auto first =
      std::partition_point(text.runs.begin(), text.runs.end(),
                           [&](const StyledRun& r) { return r.range.end <= range.begin; });
  auto last = first;
  while (last != text.runs.end() && last->range.begin < range.end)
    ++last;
  // Cut the range at every run and mark boundary; each piece has one style and one mark.
  std::vector<std::size_t> cuts{range.begin, range.end};
  const auto cut = [&](const TextRange& r) {
    for (const std::size_t at : {r.begin, r.end})
      if (at > range.begin && at < range.end) cuts.push_back(at);
  };
  for (auto run = first; run != last; ++run)
    cut(run->range);
  for (const TextRange& mark : marks)
    cut(mark);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::string html;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const std::size_t begin = cuts[k];
    const auto within = [begin](const TextRange& r) { return r.begin <= begin && begin < r.end; };
    const bool marked = std::any_of(marks.begin(), marks.end(), within);
    const auto run = std::find_if(first, last, [&](const StyledRun& r) { return within(r.range); });
    const std::string piece =
        escape_html(std::string_view(text.plain).substr(begin, cuts[k + 1] - begin));
    html += marked ? "<mark>" : "";
    html += run != last ? open_span(run->style) + piece + "</span>" : piece;
    html += marked ? "</mark>" : "";
  }
  return html;
}

std::string ansi_to_html(std::string_view text) {
  const StyledText styled = parse_ansi(text);
  return styled_html(styled, {0, styled.plain.size()});
}

} // namespace docnb
