#include "client/kernel_start.hpp"

#include "client/gateway_kernel.hpp"

namespace docnb {

namespace {

template <class Kernel> KernelStart as_connection(Result<std::unique_ptr<Kernel>> started) {
  if (!started) return started.error();
  return std::unique_ptr<KernelConnection>(std::move(started).value());
}

} // namespace

KernelStart start_kernel(const KernelLaunch& launch, KernelHost& host) {
  if (launch.gateway != nullptr) return as_connection(GatewayKernel::start(launch));
  return as_connection(KernelClient::start(launch, host));
}

} // namespace docnb
