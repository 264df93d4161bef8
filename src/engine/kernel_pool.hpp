// Kernels started before they are needed, and stopped without holding anyone up.
//
// A worker starts the kernel for its next notebook while the current one runs, so kernel
// start-up is hidden behind work. Each notebook still gets a kernel of its own (nbclient's
// and nbval's semantics): a warm kernel is started for one notebook and used by that one only.
#pragma once

#include "client/kernel_client.hpp"

#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace docnb {

using KernelStart = Result<std::unique_ptr<KernelClient>>;

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
  // Waits for the start to finish; the kernel's pid, or -1 when the start failed.
  pid_t wait_pid();
  // How it was started: another kernel like it starts from the same launch.
  [[nodiscard]] const KernelLaunch& launch() const { return launch_; }

private:
  KernelLaunch launch_;
  KernelHost* host_;
  std::future<KernelStart> pending_;
  std::optional<KernelStart> started_;
};

// Shuts kernels down on background threads, so a worker moves on to its next notebook at
// once; the destructor waits for every shutdown (each kernel is always reaped).
class KernelReaper {
public:
  KernelReaper() = default;
  KernelReaper(const KernelReaper&) = delete;
  KernelReaper& operator=(const KernelReaper&) = delete;
  ~KernelReaper();

  void retire(std::unique_ptr<KernelClient> kernel, std::chrono::milliseconds grace);

private:
  struct Shutdown {
    std::shared_ptr<std::atomic<bool>> done;
    std::jthread thread;
  };
  std::mutex mutex_;
  std::vector<Shutdown> shutdowns_;
};

} // namespace docnb
