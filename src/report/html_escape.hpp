// Text made safe to place in an HTML page: every byte of an output, a file name or an example
// id passes through here before it reaches the report.
#pragma once

#include <string>
#include <string_view>

namespace docnb {

// `text` as HTML character data or a quoted attribute value: & < > " ' become references, and
// control characters other than tab, newline and carriage return become their visible Unicode
// pictures (U+2400...), so nothing in an output can end an element, an attribute or a comment.
[[nodiscard]] std::string escape_html(std::string_view text);

// The character reference of a markup character (& < > " '), or empty for any other: the one
// escaping HTML and XML share.
[[nodiscard]] std::string_view markup_reference(char c);

// A relative or absolute path as a URL path: every byte but A-Z a-z 0-9 - . _ ~ / is
// percent-encoded, so a file named `"><x>.md` or `a#b?.md` stays one path and no scheme
// (`javascript:`) can appear.
[[nodiscard]] std::string percent_encode_path(std::string_view path);

// Whether `url` starts with http:// or https://, the only schemes a source link may have.
[[nodiscard]] bool is_web_url(std::string_view url);

} // namespace docnb
