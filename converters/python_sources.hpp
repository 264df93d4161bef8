// docnb's Python, from converters/python/*.py, compiled in at configure time
// (cmake/embed_python.cmake) so that the binary needs no file beside it.
#pragma once

#include <span>
#include <string_view>

namespace docnb::python {

struct PythonFile {
  std::string_view path; // relative to the repository, for tracebacks
  std::string_view source;
};

// The helper files the embedded interpreter runs, in order, into its one helper module
// (converters/python_runtime.hpp); each stands alone (pyflakes checks them one by one).
[[nodiscard]] std::span<const PythonFile> helper_files();

// The function a docstring example's setup cell defines and calls in the kernel
// (converters/python/fresh_namespace.py), and its name.
[[nodiscard]] std::string_view fresh_namespace_source();
inline constexpr std::string_view fresh_namespace_function = "__docnb_fresh_namespace";

// The doctest runner the kernel runs doctest parts with (converters/python/doctest_part.py):
// executed with __name__ "__docnb_doctest", it installs itself as that module.
[[nodiscard]] std::string_view doctest_part_source();

} // namespace docnb::python
