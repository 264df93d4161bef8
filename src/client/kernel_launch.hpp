// How to start one kernel: its kernelspec, where it runs, and what starts it.
#pragma once

#include "client/fork_server.hpp"
#include "client/kernelspec.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace docnb {

class GatewayClient;

struct KernelLaunch {
  KernelSpec spec;
  std::filesystem::path cwd;                      // the kernel's working directory
  std::map<std::string, std::string> environment; // the kernel's base environment
  // Replaces a bare "python"/"python3" argv[0], as jupyter_client puts its own interpreter.
  std::string python_executable = "/usr/bin/python3";
  std::chrono::milliseconds startup_timeout{60'000};
  std::filesystem::path runtime_dir;        // private (0700) folder for connection files
  std::vector<std::string> extra_arguments; // appended to the kernelspec argv
  // Forks the kernel from this server instead of starting its program (a plain start when the
  // server cannot): client/fork_server.hpp.
  const ForkServer* fork_server = nullptr;
  // Starts the kernel on this Jupyter Server or Enterprise Gateway instead of this machine
  // (client/gateway_client.hpp): `spec` is then one of the server's, and `cwd` maps to a folder
  // there through GatewaySettings::cwd.
  const GatewayClient* gateway = nullptr;
};

} // namespace docnb
