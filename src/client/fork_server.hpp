// The client side of docnb-kernel's fork server (kernel/fork_server.hpp): one server process,
// started with a kernelspec's own program, that forks a ready-to-connect kernel per request.
//
// A kernelspec offers it with metadata {"docnb": {"fork_server": true}}: its argv[0] then also
// understands `--fork-server SOCKET [--preload CODE]`. Kernels started this way are processes
// of their own, in their own process groups, exactly as a plain start makes them; what they
// skip is the interpreter's start-up and IPython's imports.
#pragma once

#include "client/kernelspec.hpp"
#include "client/process.hpp"
#include "support/result.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace docnb {

class ForkServer {
public:
  // Starts the server for `spec` (its argv[0]) with the environment `env`, listening in
  // `runtime_dir`, and waits until it accepts connections. `preload` is Python run once in it
  // before any fork (a run's global_exec: the imports every example needs).
  static Result<ForkServer> start(const KernelSpec& spec, const std::string& program,
                                  const std::map<std::string, std::string>& env,
                                  const std::filesystem::path& runtime_dir,
                                  const std::string& preload, std::chrono::milliseconds timeout);

  ForkServer(ForkServer&&) noexcept = default;
  ForkServer& operator=(ForkServer&&) noexcept = default;
  ~ForkServer() = default; // the server is killed; its kernels die with it

  // A kernel forked from the server: `kernel.argv` without its program (argv[0]), in
  // `kernel.cwd`, with exactly `kernel.env`, writing to `kernel.output_log`. Safe to call from
  // several threads at once (each request has its own connection).
  [[nodiscard]] Result<ChildProcess> fork_kernel(const ProcessSpec& kernel) const;

  // Whether a kernelspec offers a fork server.
  [[nodiscard]] static bool offered_by(const KernelSpec& spec);

private:
  ForkServer(ChildProcess server, std::filesystem::path socket)
      : server_(std::move(server)), socket_(std::move(socket)) {}

  ChildProcess server_;
  std::filesystem::path socket_;
};

} // namespace docnb
