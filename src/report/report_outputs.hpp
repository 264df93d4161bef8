// Cell outputs as the JSON and HTML reports carry them: nbformat outputs with multi-line
// strings joined, streams merged as the checker merges them, metadata dropped, and every value
// larger than a report should hold cut short with its full size recorded (the executed
// notebook keeps it whole).
//
// A cut output gains "truncated": {KEY: bytes}, KEY being "text", "traceback" or a MIME type,
// bytes the size of the whole value. An image too large to embed is left empty.
#pragma once

#include <nlohmann/json.hpp>

namespace docnb {

// Text values (streams, text/plain, HTML, SVG, tracebacks) beyond this many bytes are cut.
constexpr std::size_t report_text_limit = 100'000;
// Base64 images beyond this many bytes are left out.
constexpr std::size_t report_image_limit = 1'500'000;

[[nodiscard]] nlohmann::json report_outputs(const nlohmann::json& outputs);

} // namespace docnb
