#include "engine/kernel_pool.hpp"

namespace docnb {
namespace {

constexpr std::chrono::milliseconds liveness_probe{2'000};

bool still_usable(KernelConnection& kernel) {
  return kernel.heartbeat(liveness_probe);
}

} // namespace

WarmKernel::WarmKernel(KernelLaunch launch, KernelHost& host)
    : launch_(std::move(launch)), host_(&host) {
  pending_ = std::async(std::launch::async,
                        [launch = launch_, &host] { return start_kernel(launch, host); });
}

std::string WarmKernel::wait_kernel_id() {
  if (!started_) started_.emplace(pending_.get());
  return started_->ok() ? (**started_)->kernel_id() : std::string();
}

KernelStart WarmKernel::take() {
  if (!started_) started_.emplace(pending_.get());
  KernelStart kernel = std::move(*started_);
  started_.reset();
  if (kernel && still_usable(**kernel)) return kernel;
  // Died, hung or never came up while it waited: this notebook gets a fresh kernel instead.
  return start_kernel(launch_, *host_);
}

const ForkServer* ForkServers::for_launch(const KernelLaunch& launch) {
  if (!ForkServer::offered_by(launch.spec) || launch.spec.argv.empty()) return nullptr;
  const std::lock_guard lock(mutex_);
  auto found = servers_.find(launch.spec.name);
  if (found == servers_.end()) {
    Result<ForkServer> started =
        ForkServer::start(launch.spec, launch.spec.argv.front(), launch.environment, runtime_dir_,
                          preload_, launch.startup_timeout);
    found = servers_
                .emplace(launch.spec.name,
                         started ? std::optional<ForkServer>(std::move(*started)) : std::nullopt)
                .first;
  }
  return found->second ? &*found->second : nullptr;
}

KernelReaper::~KernelReaper() {
  const std::lock_guard lock(mutex_);
  shutdowns_.clear(); // joins
}

void KernelReaper::retire(std::unique_ptr<KernelConnection> kernel,
                          std::chrono::milliseconds grace) {
  const std::lock_guard lock(mutex_);
  // Finished shutdowns are joined here, so a long run does not pile up threads.
  std::erase_if(shutdowns_, [](const Shutdown& shutdown) { return shutdown.done->load(); });
  auto done = std::make_shared<std::atomic<bool>>(false);
  std::jthread thread([kernel = std::move(kernel), grace, done] {
    kernel->shutdown(grace);
    done->store(true);
  });
  shutdowns_.push_back({std::move(done), std::move(thread)});
}

} // namespace docnb
