// Base64 (RFC 4648, with padding) through OpenSSL's EVP block coder: images travel in
// notebooks and in the HTML report as base64.
#pragma once

#include "support/result.hpp"

#include <string>
#include <string_view>

namespace docnb {

[[nodiscard]] std::string base64_encode(std::string_view bytes);

// Decodes `text`, ignoring the line breaks and blanks nbformat allows inside it; an error for
// anything that is not well-formed base64.
[[nodiscard]] Result<std::string> base64_decode(std::string_view text);

} // namespace docnb
