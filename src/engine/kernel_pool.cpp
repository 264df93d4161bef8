#include "engine/kernel_pool.hpp"

#include "support/sha256.hpp"

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
  // A kernel forked from a server that is dying dies with it, maybe only after this check:
  // the server's closed socket says so first.
  const bool server_gone = launch_.fork_server != nullptr && !launch_.fork_server->accepting();
  if (kernel && !server_gone && still_usable(**kernel)) return kernel;
  // Died, hung or never came up while it waited: this notebook gets a fresh kernel instead.
  return start_kernel(launch_, *host_);
}

std::string fork_server_key(const KernelLaunch& launch) {
  return sha256_hex(Json{{"spec", launch.spec.name},
                         {"argv", launch.spec.argv},
                         {"spec_env", launch.spec.env},
                         {"python", launch.python_executable},
                         {"env", launch.environment}}
                        .dump());
}

ForkServers::Entry& ForkServers::entry_for(const KernelLaunch& launch,
                                           std::vector<std::string>& warnings) {
  const std::string key = fork_server_key(launch);
  auto found = servers_.find(key);
  if (found != servers_.end()) return found->second;
  Entry& entry = servers_[key];
  Result<ForkServer> started =
      ForkServer::start(launch.spec, launch.python_executable, launch.environment, runtime_dir_,
                        preload_, launch.startup_timeout);
  if (!started) {
    warnings.push_back("kernels of " + launch.spec.name +
                       " start plainly: " + started.error().describe());
    return entry;
  }
  for (const std::string& warning : started->warnings())
    warnings.push_back(launch.spec.name + "'s fork server: " + warning);
  entry.server.emplace(std::move(started).value());
  entry.usable = true;
  return entry;
}

const ForkServer* ForkServers::for_launch(const KernelLaunch& launch,
                                          std::vector<std::string>& warnings) {
  if (!enabled_) return nullptr;
  const std::lock_guard lock(mutex_);
  if (fork_kind(launch.spec) == ForkKind::none) {
    if (is_python_kernelspec(launch.spec) && unforkable_.insert(launch.spec.name).second) {
      warnings.push_back("kernels of " + launch.spec.name +
                         " start plainly: docnb forks Python kernels started as `python -m "
                         "ipykernel_launcher` or `-m ipykernel`, and docnb-kernel");
    }
    return nullptr;
  }
  Entry& entry = entry_for(launch, warnings);
  if (!entry.usable) return nullptr;
  if (const std::optional<ExitStatus> exited = entry.server->exited()) {
    entry.usable = false;
    warnings.push_back("kernels of " + launch.spec.name + " start plainly from now on: their " +
                       "fork server exited (" + exited->describe() + ")");
    return nullptr;
  }
  return &*entry.server;
}

KernelReaper::~KernelReaper() {
  const std::lock_guard lock(mutex_);
  shutdowns_.clear(); // joins
}

void KernelReaper::retire(std::unique_ptr<KernelConnection> kernel) {
  const std::lock_guard lock(mutex_);
  // Finished shutdowns are joined here, so a long run does not pile up threads.
  std::erase_if(shutdowns_, [](const Shutdown& shutdown) { return shutdown.done->load(); });
  auto done = std::make_shared<std::atomic<bool>>(false);
  std::jthread thread([kernel = std::move(kernel), grace = grace_, done] {
    kernel->shutdown(grace);
    done->store(true);
  });
  shutdowns_.push_back({std::move(done), std::move(thread)});
}

} // namespace docnb
