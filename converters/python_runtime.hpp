// docnb's one embedded CPython interpreter (the docstring converter parses Python with
// CPython's own `ast` and `tokenize`, never with a parser of ours).
//
// The interpreter starts on first use, once per process, whichever thread asks first; it is
// never finalised, because worker threads may still be using it while the process exits and
// CPython cannot be re-initialised safely anyway. Between calls no thread holds the GIL, so
// any thread may enter through with_python().
#pragma once

#include <pybind11/embed.h>
#include <pybind11/stl.h>
#include <utility>

namespace docnb::python {

// Starts the interpreter (and loads docnb's helper module) if it is not running yet.
void ensure_started();

// docnb's helper functions (converters/python/*.py, see python_sources.hpp); call with the GIL
// held.
[[nodiscard]] pybind11::module_& helpers();

// Runs `fn` with the GIL held. Python exceptions escape as pybind11::error_already_set;
// callers at the converter boundary turn them into Errors.
template <class F> decltype(auto) with_python(F&& fn) {
  ensure_started();
  pybind11::gil_scoped_acquire gil;
  return std::forward<F>(fn)();
}

} // namespace docnb::python
