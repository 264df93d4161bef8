// Text without ANSI terminal escape sequences (CSI such as colours, and OSC such as links):
// reports are read in web pages, and doctest wants are compared without colours.
#pragma once

#include <string>
#include <string_view>

namespace docnb {

[[nodiscard]] std::string strip_terminal_escapes(std::string_view text);

} // namespace docnb
