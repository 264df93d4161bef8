// Outputs that are documents of their own (HTML, SVG, Markdown) shown in the report without
// letting them act in it: each renders inside <iframe sandbox srcdoc>, with no allow-* token,
// so it runs no script, submits no form, opens no window and reaches neither the report's
// origin nor its DOM; the page's Content-Security-Policy applies inside it too.
#pragma once

#include <string>
#include <string_view>

namespace docnb {

struct FrameSize {
  int width = 0; // 0: as wide as the report's column
  int height = 0;
};

// `document` (untrusted markup) in a sandboxed frame of `size`; `kind` names it for the
// page's styles ("html", "svg", "markdown").
[[nodiscard]] std::string sandboxed_frame(std::string_view document, FrameSize size,
                                          std::string_view kind);

// An HTML output: a frame as wide as the column, as tall as its rows suggest.
[[nodiscard]] std::string html_output_frame(std::string_view html);

// An SVG output: a frame of the size its root element declares (pt, px, or its viewBox).
[[nodiscard]] std::string svg_output_frame(std::string_view svg);
[[nodiscard]] FrameSize svg_size(std::string_view svg);

// A text/markdown output rendered by cmark in its safe mode (raw HTML left out; javascript:,
// vbscript:, file: and non-image data: links emptied), shown in a frame like HTML.
[[nodiscard]] std::string markdown_output_frame(std::string_view markdown);
[[nodiscard]] std::string markdown_to_safe_html(std::string_view markdown);

} // namespace docnb
