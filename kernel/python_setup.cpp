#include "python_setup.hpp"

#include "shell_source.hpp"

#include <array>
#include <csignal>
#include <stdexcept>
#include <utility>

namespace py = pybind11;

namespace docnb::kernel {

py::scoped_interpreter start_python(const std::string& program) {
  PyConfig config;
  PyConfig_InitPythonConfig(&config);
  // The program name places Python's prefix (and so its standard library) where the
  // interpreter docnb was built against lives, wherever the kernel binary is.
  const std::wstring wide_program(program.begin(), program.end());
  PyConfig_SetString(&config, &config.program_name, wide_program.c_str());
  config.parse_argv = 0;
  config.install_signal_handlers = 1;
  const std::array<const char*, 1> argv{program.c_str()};
  py::scoped_interpreter python(&config, static_cast<int>(argv.size()), argv.data(),
                                /*add_program_dir_to_path=*/false);
  // As `python -m ipykernel` does: modules beside the notebook are importable.
  py::module_::import("sys").attr("path").attr("insert")(0, "");
  return python;
}

Status prepare_fast_start() {
  try {
    py::dict globals;
    globals["__name__"] = "docnb_kernel_startup";
    globals["__builtins__"] = py::module_::import("builtins");
    py::exec(py::str(std::string(startup_source())), globals);
    return Done{};
  } catch (const py::error_already_set& error) {
    return Error{std::string("cannot run the kernel's start-up module: ") + error.what(), ""};
  }
}

Status check_required_packages() {
  const std::array<std::pair<const char*, const char*>, 2> required{{
      {"IPython", "python3-ipython"},
      {"xeus_python_shell", "python3-xeus-python-shell"},
  }};
  for (const auto& [module, package] : required) {
    try {
      py::module_::import(module);
    } catch (const py::error_already_set& error) {
      // The exception alone, without pybind11's traceback: the cause is the package.
      const std::string reason = py::str(error.type().attr("__name__")).cast<std::string>() + ": " +
                                 py::str(error.value()).cast<std::string>();
      return Error{std::string("cannot import ") + module + " (" + reason +
                       "); docnb-kernel needs it at run time: install " + package +
                       " (scripts/install-deps.sh lists it)",
                   ""};
    }
  }
  return Done{};
}

Result<std::filesystem::path> put_environment_first(const std::filesystem::path& environment) {
  try {
    const py::module_ shell = py::module_::import("docnb_kernel_shell");
    const py::object added = shell.attr("put_environment_first")(environment.string());
    return std::filesystem::path(added.cast<std::string>());
  } catch (const py::error_already_set& error) {
    return Error{error.what(), environment.string()};
  }
}

namespace {

// The SIGINT handler of docnb_kernel_shell's interrupt gate. Installed at once, in the main
// thread: Python's default handler would raise KeyboardInterrupt whenever a SIGINT lands.
void install_interrupt_gate(py::module_& shell) {
  const py::object gate = shell.attr("_InterruptGate");
  const py::cpp_function handler([gate](int /*signum*/, const py::object& /*frame*/) {
    const auto state = gate.attr("state").cast<std::string>();
    if (state == "open") {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
      throw py::error_already_set();
    }
    if (state == "armed") gate.attr("pending") = true;
  });
  shell.attr("_on_interrupt") = handler;
  py::module_::import("signal").attr("signal")(SIGINT, handler);
}

} // namespace

Result<py::module_> load_shell_module() {
  try {
    const py::module_ types = py::module_::import("types");
    py::module_ shell = types.attr("ModuleType")("docnb_kernel_shell");
    shell.attr("__file__") = "<docnb-kernel>/docnb_kernel_shell.py";
    py::exec(py::str(std::string(shell_source())), shell.attr("__dict__"));
    py::module_::import("sys").attr("modules")["docnb_kernel_shell"] = shell;
    install_interrupt_gate(shell);
    return shell;
  } catch (const py::error_already_set& error) {
    return Error{std::string("cannot load the kernel's shell module: ") + error.what(), ""};
  }
}

} // namespace docnb::kernel
