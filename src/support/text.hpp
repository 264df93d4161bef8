// Small text helpers every layer uses, with Python's notion of whitespace (str.isspace() for
// ASCII: what str.strip() and str.split() take away), so that what docnb trims is what a
// doctest runner trims.
#pragma once

#include <string>
#include <string_view>

namespace docnb {

inline constexpr std::string_view python_whitespace = " \t\n\r\v\f\x1c\x1d\x1e\x1f";

// str.isspace() of one ASCII character.
[[nodiscard]] bool is_space(char c);
// Nothing but whitespace (or nothing at all).
[[nodiscard]] bool is_blank(std::string_view text);
// `text` without the `chars` at either end (str.strip(chars)).
[[nodiscard]] std::string_view trim(std::string_view text,
                                    std::string_view chars = python_whitespace);
// `text` without the `chars` at its end (str.rstrip(chars)).
[[nodiscard]] std::string rstrip(std::string text, std::string_view chars = python_whitespace);

} // namespace docnb
