// Which kernelspecs docnb can start from a fork server (client/fork_server.hpp), and how.
//
// Two kinds of kernel are forked: docnb-kernel, whose kernelspec offers its own fork server
// (metadata {"docnb": {"fork_server": true}}), and ipykernel, recognised by its command line
// `PYTHON [OPTIONS] -m ipykernel_launcher|ipykernel ARGS...` and forked from docnb's zygote
// (client/ipykernel_zygote.py) started with that same interpreter and options.
#pragma once

#include "client/kernelspec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace docnb {

enum class ForkKind { none, docnb_kernel, ipykernel };

// An ipykernel kernelspec's argv, taken apart.
struct IpykernelCommand {
  std::vector<std::string> interpreter; // the program and its options, up to "-m"
  std::string module;                   // ipykernel_launcher or ipykernel
  std::vector<std::string> arguments;   // after the module, "{connection_file}" among them
};

// The parts of `argv` when it runs ipykernel as a module; nullopt for anything else (a script,
// `-c CODE`, another module, an option this parser does not know to take an argument).
std::optional<IpykernelCommand> ipykernel_command(const std::vector<std::string>& argv);

ForkKind fork_kind(const KernelSpec& spec);

// Whether the kernelspec is for Python: one that cannot be forked is worth a warning, since
// its kernels start slowly; another language's is simply started.
bool is_python_kernelspec(const KernelSpec& spec);

} // namespace docnb
