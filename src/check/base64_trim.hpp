// Large base64 payloads (images, binary MIME data) shown as a prefix, hash and size
// instead of kilobytes of noise, as nbval's _trim_base64 does.
#pragma once

#include <string>
#include <string_view>

namespace docnb::check {

// Whether `text`, newlines removed, is well-formed base64 (padding included).
[[nodiscard]] bool looks_like_base64(std::string_view text);

// `text` itself when it is short or not base64; otherwise
// "iVBORw0K...<snip base64, md5=0123456789abcdef..., N chars>" where the md5 (of the text as
// stored, like nbval) tells two payloads apart at a glance.
[[nodiscard]] std::string trim_base64(std::string_view text);

} // namespace docnb::check
