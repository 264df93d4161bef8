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

// The fork servers of a run (client/fork_server.hpp), one per kernelspec that offers one,
// started the first time a kernel of that spec is wanted. A server that cannot start is not
// tried again: its kernels start the plain way.
class ForkServers {
public:
  // `preload`: Python every server runs once before forking (the run's global_exec).
  ForkServers(std::filesystem::path runtime_dir, std::string preload)
      : runtime_dir_(std::move(runtime_dir)), preload_(std::move(preload)) {}

  // The server for `launch`'s kernelspec, or nullptr (the spec offers none, or it failed).
  const ForkServer* for_launch(const KernelLaunch& launch);

private:
  std::filesystem::path runtime_dir_;
  std::string preload_;
  std::mutex mutex_;
  std::map<std::string, std::optional<ForkServer>> servers_; // by spec name; nullopt: failed
};

// Shuts kernels down on background threads, so a worker moves on to its next notebook at
// once; the destructor waits for every shutdown (each kernel is always reaped).
class KernelReaper {
public:
  KernelReaper() = default;
  KernelReaper(const KernelReaper&) = delete;
  KernelReaper& operator=(const KernelReaper&) = delete;
  ~KernelReaper();

  void retire(std::unique_ptr<KernelConnection> kernel, std::chrono::milliseconds grace);

private:
  struct Shutdown {
    std::shared_ptr<std::atomic<bool>> done;
    std::jthread thread;
  };
  std::mutex mutex_;
  std::vector<Shutdown> shutdowns_;
};

} // namespace docnb
