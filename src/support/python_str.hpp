// Python's own string operations on std::string, for code that ports Python rules (xdoctest's
// parser, CommonMark info strings) and must split, strip and dedent exactly as Python does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docnb::python_str {

[[nodiscard]] std::string strip(std::string_view text); // str.strip()
[[nodiscard]] std::string lower(std::string_view text); // str.lower() for ASCII

// str.split('\n'): a trailing newline gives an empty last line.
[[nodiscard]] std::vector<std::string> split(const std::string& text);
// str.splitlines() for text whose lines end in '\n': no empty last line for a final newline.
[[nodiscard]] std::vector<std::string> splitlines(const std::string& text);
// '\n'.join(lines[from:to])
[[nodiscard]] std::string join(const std::vector<std::string>& lines, std::size_t from = 0,
                               std::size_t to = std::string::npos);

// textwrap.dedent: the longest common leading whitespace removed; whitespace-only lines emptied.
[[nodiscard]] std::string dedent(const std::string& text);

} // namespace docnb::python_str
