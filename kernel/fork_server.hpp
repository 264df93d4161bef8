// docnb-kernel as a fork server: one process that has started Python, imported IPython (and
// whatever --preload names) and built its shell, then forks a kernel for each request.
//
// Starting a Python kernel costs its imports (IPython, the project's own packages); a fork of a
// process that has done them costs a page table. Each kernel is still a process of its own with
// a fresh namespace: what nbclient, nbval and xdoctest isolate by process stays isolated.
//
// Protocol, on a Unix stream socket (mode 0600) the server listens on, one connection per
// kernel: the client sends one JSON line {"argv": [...], "cwd": DIR, "env": {...}, "log": FILE}
// (argv: the kernel's own arguments, e.g. ["-f", CONNECTION_FILE]); the server answers
// {"pid": N} (or {"error": "..."}), and, when that kernel ends, {"exit": CODE, "signal": SIG}
// on the same connection. A client that closes its connection takes its kernel with it
// (SIGKILL), every kernel dies with the server (PR_SET_PDEATHSIG), and the server leaves when
// the process that started it is gone. Before it listens, the server writes what the user
// should know (a module it could not preload) to its log as lines "warning: TEXT". docnb's
// zygote for ipykernel (src/client/ipykernel_zygote.py) speaks the same protocol.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace docnb::kernel {

// Runs in the forked child, with its argv; returns the kernel's exit code.
using KernelMain = std::function<int(const std::vector<std::string>& argv)>;

// Serves until the server is killed or the process that started it is gone (it returns 0);
// returns 1 when it cannot listen. The GIL is held.
int serve_forks(const std::string& socket_path, const KernelMain& kernel_main);

} // namespace docnb::kernel
