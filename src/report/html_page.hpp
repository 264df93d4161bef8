// The page around the HTML report: one self-contained document whose Content-Security-Policy
// allows nothing but its own style and script (by their SHA-256 hashes), style attributes
// (the outputs' own, inside their sandboxed frames) and data: images. No network, no other
// script: a byte of an output that escaped its escaping still could not run.
#pragma once

#include <string>
#include <string_view>

namespace docnb {

[[nodiscard]] std::string html_page(std::string_view title, std::string_view body);

// The policy of the page's <meta http-equiv="Content-Security-Policy">.
[[nodiscard]] std::string content_security_policy();

// "'sha256-BASE64'": the CSP source that allows exactly this inline script or style.
[[nodiscard]] std::string csp_hash(std::string_view text);

} // namespace docnb
