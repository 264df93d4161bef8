// Expected against got, side by side, for one cell: each output field (a stream, a MIME type,
// an error) paired with its counterpart. Text gets a line diff with the changed characters
// marked; HTML, SVG and Markdown render next to each other (their sources diffed below);
// PNG and JPEG images get a pixel-difference image and the share of pixels that differ.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace docnb {

// `expected` and `got` are outputs in the report's form (report_outputs.hpp). With a doctest
// `want`, the want is compared with what the cell printed (stdout, its value, its error).
[[nodiscard]] std::string comparison_html(const nlohmann::json& expected,
                                          const std::optional<std::string>& want,
                                          const nlohmann::json& got);

// Two images (base64 PNG or JPEG) and their difference, with the share of pixels that differ.
[[nodiscard]] std::string
image_comparison_html(const std::string& mime, const std::string& expected, const std::string& got);

} // namespace docnb
