// Cell outputs (in the report's form, report_outputs.hpp) as HTML: streams and text with their
// terminal colours, tracebacks, images as data: URIs, and HTML, SVG and Markdown in sandboxed
// frames (embedded_html.hpp). Nothing of an output reaches the page unescaped.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace docnb {

// Every output of a cell, in order, each in its richest representation.
[[nodiscard]] std::string outputs_html(const nlohmann::json& outputs);

// One representation: `mime` is a MIME type, "stdout"/"stderr" for a stream's text, or "error"
// for a traceback; `value` its text (base64 for images); `cut_from` the size of the whole value
// when the report holds only its beginning (0 when it is whole).
[[nodiscard]] std::string representation_html(const std::string& mime, const std::string& value,
                                              std::size_t cut_from = 0);

// The MIME type a display shows: the first of HTML, Markdown, SVG, PNG, JPEG, GIF, LaTeX and
// plain text it has, else its first type.
[[nodiscard]] std::string richest_mime(const nlohmann::json& data);

// A note that `shown` bytes of a value of `whole` bytes are on the page; `side` ("expected",
// "got") names the value when there are two.
[[nodiscard]] std::string cut_note(std::size_t shown, std::size_t whole,
                                   const std::string& side = "");

// "512 B", "12.3 kB", "4.0 MB".
[[nodiscard]] std::string size_text(std::size_t bytes);

// An error output's traceback as one text (its lines joined), or "ename: evalue" without one.
[[nodiscard]] std::string traceback_text(const nlohmann::json& error);

// The text of a value that is not a string (application/json): indented JSON.
[[nodiscard]] std::string value_text(const nlohmann::json& value);

} // namespace docnb
