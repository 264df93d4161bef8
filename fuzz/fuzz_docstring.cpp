// libFuzzer target: any bytes read as a Python module's source (through the embedded CPython
// interpreter, as `docnb run module.py` reads it) give examples and their notebook, or an error
// naming the file, never a crash.
#include "converters/docstring.hpp"
#include "converters/docstring_notebook.hpp"
#include "converters/python_runtime.hpp"
#include "notebook/write.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // Once per process: CPython cannot be started twice, and starting it costs far more than
  // one input.
  docnb::python::ensure_started();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const docnb::converters::DocstringOptions options;
  const auto module = docnb::converters::read_docstring_examples("fuzz.py", bytes, options);
  if (module)
    (void)docnb::notebook_to_text(docnb::converters::docstring_notebook(*module, options));
  return 0;
}
