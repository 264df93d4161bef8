// libFuzzer target: any bytes given to the percent reader give a notebook or an error, never a
// crash, and the notebook is written as nbformat.write would write it.
#include "converters/percent.hpp"
#include "notebook/write.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto converted = docnb::converters::read_percent(bytes, "fuzz.input");
  if (converted) (void)docnb::notebook_to_text(converted->notebook);
  return 0;
}
