// Starting a kernel where its launch says: on this machine, or on a gateway.
#pragma once

#include "client/kernel_client.hpp"
#include "client/kernel_connection.hpp"
#include "client/kernel_launch.hpp"

#include <memory>

namespace docnb {

using KernelStart = Result<std::unique_ptr<KernelConnection>>;

// A ready kernel: KernelClient::start, or GatewayKernel::start when `launch.gateway` is set.
KernelStart start_kernel(const KernelLaunch& launch, KernelHost& host);

} // namespace docnb
