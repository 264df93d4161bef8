// libFuzzer target: any text split as a `>>>` session (a Markdown pycon fence, an rst doctest
// block) gives parts whose lines lie within the text, never a crash.
#include "converters/pycon.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> lines{""};
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == '\n') {
      lines.emplace_back();
    } else {
      lines.back() += static_cast<char>(data[i]);
    }
  }
  const auto session = docnb::converters::split_pycon(lines, 1);
  const int last = static_cast<int>(lines.size());
  for (const auto& part : session.parts) {
    if (part.line < 1 || part.last_line > last || part.line > part.last_line) __builtin_trap();
    if (part.want && (part.want_line < 1 || part.want_last_line > last)) __builtin_trap();
  }
  return 0;
}
