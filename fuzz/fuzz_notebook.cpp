// libFuzzer target: any bytes read as a .ipynb file (nbformat 3 and 4, hostile JSON: deep
// nesting, huge numbers, wrong types) give a notebook or an error naming the file, never a
// crash; a notebook that reads is written back as nbformat.write would write it.
#include "notebook/read.hpp"
#include "notebook/write.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto notebook = docnb::read_notebook_text(bytes, "fuzz.ipynb");
  if (notebook) (void)docnb::notebook_to_text(*notebook);
  return 0;
}
