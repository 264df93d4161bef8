// Kernels started before they are needed, and stopped without holding anyone up.
//
// A worker starts the kernel for its next notebook while the current one runs, so kernel
// start-up is hidden behind work. Each notebook still gets a kernel of its own (nbclient's
// and nbval's semantics): a warm kernel is started for one notebook and used by that one only.
#pragma once

#include "client/kernel_start.hpp"

#include <atomic>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

namespace docnb {

// A kernel being started in the background.
class WarmKernel {
public:
  // Begins the start at once, on its own thread.
  WarmKernel(KernelLaunch launch, KernelHost& host);
  WarmKernel(WarmKernel&&) noexcept = default;
  WarmKernel& operator=(WarmKernel&&) noexcept = default;
  WarmKernel(const WarmKernel&) = delete;
  WarmKernel& operator=(const WarmKernel&) = delete;
  // Waits for a start still under way; a kernel never taken is stopped with its client.
  ~WarmKernel() = default;

  // The ready kernel. One that failed to start, died or stopped answering heartbeats while
  // it waited is replaced by a fresh start (whose failure, if any, is returned).
  KernelStart take();
  // Waits for the start to finish; the kernel's id, or "" when the start failed.
  std::string wait_kernel_id();
  // How it was started: another kernel like it starts from the same launch.
  [[nodiscard]] const KernelLaunch& launch() const { return launch_; }

private:
  KernelLaunch launch_;
  KernelHost* host_;
  std::future<KernelStart> pending_;
  std::optional<KernelStart> started_;
};

// The fork servers of a run (client/fork_server.hpp): one per kernelspec, interpreter and
// environment, started the first time a kernel of theirs is wanted. A server that cannot start,
// or that dies, is not tried again: its kernels start the plain way.
class ForkServers {
public:
  // `enabled` false (--no-fork): every kernel starts plainly. `preload`: what every server
  // does once before forking (the run's global_exec, the modules --preload names).
  ForkServers(std::filesystem::path runtime_dir, bool enabled, ForkPreload preload)
      : runtime_dir_(std::move(runtime_dir)), enabled_(enabled), preload_(std::move(preload)) {}

  // The server to fork `launch`'s kernel from, or nullptr for a plain start. What the user
  // should know (a Python kernelspec that cannot be forked, a server that failed or died, a
  // module it could not preload) is appended to `warnings`, once per run each.
  const ForkServer* for_launch(const KernelLaunch& launch, std::vector<std::string>& warnings);

private:
  struct Entry {
    std::optional<ForkServer> server; // kept once dead: kernels starting may still point to it
    bool usable = false;
  };
  Entry& entry_for(const KernelLaunch& launch, std::vector<std::string>& warnings);

  std::filesystem::path runtime_dir_;
  bool enabled_;
  ForkPreload preload_;
  std::mutex mutex_;
  std::map<std::string, Entry> servers_;          // by fork_server_key()
  std::set<std::string, std::less<>> unforkable_; // Python kernelspecs warned about
};

// What tells the servers of a run apart: the kernelspec, the interpreter that replaces its bare
// `python`, and the environment its kernels get.
std::string fork_server_key(const KernelLaunch& launch);

// Shuts kernels down on background threads, so a worker moves on to its next notebook at
// once; the destructor waits for every shutdown (each kernel is always reaped). A shutdown
// takes at most `grace` (shutdown_request, SIGTERM, SIGKILL: KernelClient::shutdown).
class KernelReaper {
public:
  explicit KernelReaper(std::chrono::milliseconds grace) : grace_(grace) {}
  KernelReaper(const KernelReaper&) = delete;
  KernelReaper& operator=(const KernelReaper&) = delete;
  ~KernelReaper();

  void retire(std::unique_ptr<KernelConnection> kernel);

private:
  std::chrono::milliseconds grace_;
  struct Shutdown {
    std::shared_ptr<std::atomic<bool>> done;
    std::jthread thread;
  };
  std::mutex mutex_;
  std::vector<Shutdown> shutdowns_;
};

} // namespace docnb
