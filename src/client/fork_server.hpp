// The client side of docnb's fork servers: one server process per kind of kernel, started with
// the kernelspec's own program, that forks a ready-to-connect kernel per request.
//
// Two servers speak the one protocol (kernel/fork_server.hpp describes it): docnb-kernel's own
// (`docnb-kernel --fork-server SOCKET`) and, for ipykernel, docnb's zygote
// (client/ipykernel_zygote.py, run by the kernelspec's interpreter). client/forkable.hpp says
// which kernelspecs are forked. Kernels started this way are processes of their own, in their
// own process groups, exactly as a plain start makes them; what they skip is the interpreter's
// start-up and the imports the server did once.
#pragma once

#include "client/forkable.hpp"
#include "client/kernelspec.hpp"
#include "client/process.hpp"
#include "support/result.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb {

// What a server does once, before it forks any kernel.
struct ForkPreload {
  std::string code;                 // Python run in a scratch namespace (a run's global_exec)
  std::vector<std::string> modules; // imported into sys.modules (--preload)
};

class ForkServer {
public:
  // Starts the server for `spec` (which fork_kind() must accept) with the environment `env`,
  // listening in `runtime_dir`, and waits until it accepts connections. A bare `python` in the
  // spec's argv is `python_executable`.
  static Result<ForkServer> start(const KernelSpec& spec, const std::string& python_executable,
                                  const std::map<std::string, std::string>& env,
                                  const std::filesystem::path& runtime_dir,
                                  const ForkPreload& preload, std::chrono::milliseconds timeout);

  ForkServer(ForkServer&&) noexcept = default;
  ForkServer& operator=(ForkServer&&) noexcept = default;
  ~ForkServer() = default; // the server is killed; its kernels die with it

  // A kernel forked from the server: `kernel.argv` without its program (argv[0]), in
  // `kernel.cwd`, with exactly `kernel.env`, writing to `kernel.output_log`. Safe to call from
  // several threads at once (each request has its own connection).
  [[nodiscard]] Result<ChildProcess> fork_kernel(const ProcessSpec& kernel) const;

  // What the server worked around while it started (a module it could not preload), one line
  // each, for the user.
  [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }

  // Whether the server still accepts connections. A server that dies closes its listening
  // socket before the connections of its kernels (descriptors close in order, and it listens
  // before it accepts any), so once one of its kernels is seen gone with it, this is false,
  // even while its other kernels still live for a moment.
  [[nodiscard]] bool accepting() const;

  // How the server ended, once it has; not to be called concurrently with itself.
  std::optional<ExitStatus> exited() { return server_.poll(); }

private:
  ForkServer(ChildProcess server, std::filesystem::path socket, ForkKind kind,
             std::vector<std::string> warnings)
      : server_(std::move(server)), socket_(std::move(socket)), kind_(kind),
        warnings_(std::move(warnings)) {}

  ChildProcess server_;
  std::filesystem::path socket_;
  ForkKind kind_;
  std::vector<std::string> warnings_;
};

} // namespace docnb
