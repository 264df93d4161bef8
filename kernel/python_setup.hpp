// Starting docnb-kernel's embedded Python: the interpreter itself, the packages the kernel
// cannot work without, and the user's environment on sys.path.
#pragma once

#include "support/result.hpp"

#include <filesystem>
#include <pybind11/embed.h>
#include <string>

namespace docnb::kernel {

// Python as /usr/bin/python3 would start (sys.executable, prefix, the standard library and
// dist-packages), with the environment variables the user set (PYTHONPATH, PYTHONHOME)
// honoured, Python's own SIGINT handler, and sys.argv = [program] so that nothing parses the
// kernel's own options as Python's or IPython's.
pybind11::scoped_interpreter start_python(const std::string& program);

// Runs docnb_kernel_startup.py, which defers the parts of IPython a kernel never uses. Before
// anything imports IPython.
Status prepare_fast_start();

// An error that names the missing package and the Debian package that provides it when
// IPython or xeus-python-shell cannot be imported.
Status check_required_packages();

// Puts `environment`'s site-packages in front of the system's on sys.path; returns the
// folder added.
Result<std::filesystem::path> put_environment_first(const std::filesystem::path& environment);

// Imports docnb_kernel_shell from the source compiled into the kernel.
Result<pybind11::module_> load_shell_module();

} // namespace docnb::kernel
