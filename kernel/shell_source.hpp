// The Python half of docnb-kernel, compiled into the binary so that it needs no file of its
// own at run time (generated from shell_source.cpp.in).
#pragma once

#include <string_view>

namespace docnb::kernel {

// docnb_kernel_startup.py: run before IPython is first imported.
std::string_view startup_source();

// docnb_kernel_shell.py: the shell classes and the environment's sys.path.
std::string_view shell_source();

} // namespace docnb::kernel
