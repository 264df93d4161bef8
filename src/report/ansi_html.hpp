// Terminal colours (ANSI SGR escape sequences, as IPython's tracebacks and colourful libraries
// print them) turned into styled HTML. Other escape sequences (cursor moves, OSC titles and
// links) are dropped; the text is always escaped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

struct AnsiColour {
  enum class Kind { none, palette, rgb };
  Kind kind = Kind::none;
  std::uint32_t value = 0; // palette: 0-15; rgb: 0xRRGGBB

  bool operator==(const AnsiColour&) const = default;
};

struct AnsiStyle {
  AnsiColour foreground;
  AnsiColour background;
  bool bold = false;
  bool dim = false;
  bool italic = false;
  bool underline = false;

  bool operator==(const AnsiStyle&) const = default;
};

// A byte range of StyledText::plain.
struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct StyledRun {
  TextRange range;
  AnsiStyle style;
};

// Text without its escape sequences, and the styles they gave to stretches of it (only the
// stretches whose style is not the default, in order, not overlapping).
struct StyledText {
  std::string plain;
  std::vector<StyledRun> runs;
};

[[nodiscard]] StyledText parse_ansi(std::string_view text);

// The escaped HTML of plain[range], styled as the escapes said, with the stretches in `marks`
// (sorted, not overlapping, in plain's coordinates) wrapped in <mark>.
[[nodiscard]] std::string styled_html(const StyledText& text, TextRange range,
                                      const std::vector<TextRange>& marks = {});

// The whole text as HTML.
[[nodiscard]] std::string ansi_to_html(std::string_view text);

} // namespace docnb
