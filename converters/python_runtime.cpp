#include "converters/python_runtime.hpp"

#include "converters/python_sources.hpp"

#include <mutex>

namespace docnb::python {

namespace {

pybind11::module_* helper_module = nullptr; // leaked on purpose: see the header

void start() {
  if (!Py_IsInitialized()) {
    // No signal handlers: SIGINT must keep reaching docnb's own handling.
    pybind11::initialize_interpreter(/*init_signal_handlers=*/false);
  }
  {
    pybind11::gil_scoped_acquire gil;
    auto module = pybind11::reinterpret_borrow<pybind11::module_>(
        pybind11::module_::import("types").attr("ModuleType")("_docnb_helpers"));
    const pybind11::module_ builtins = pybind11::module_::import("builtins");
    for (const PythonFile& file : helper_files()) {
      // Compiled under its repository path, so that a traceback names the .py file and line.
      const pybind11::object code =
          builtins.attr("compile")(pybind11::str(file.source.data(), file.source.size()),
                                   pybind11::str(file.path.data(), file.path.size()), "exec");
      builtins.attr("exec")(code, module.attr("__dict__"));
    }
    helper_module = new pybind11::module_(std::move(module));
  }
  // The thread that initialised the interpreter holds the GIL; give it up so that every
  // thread, this one included, enters the same way through gil_scoped_acquire.
  if (PyGILState_Check() != 0) {
    PyEval_SaveThread();
  }
}

} // namespace

void ensure_started() {
  static std::once_flag once;
  std::call_once(once, start);
}

pybind11::module_& helpers() {
  return *helper_module;
}

} // namespace docnb::python
