// How the unit tests start Debian's ipykernel: the python3 kernelspec found as jupyter_client
// finds it, run by DOCNB_PYTHON, with no history file shared between kernels; and one such
// kernel for a test.
#pragma once

#include "client/kernel_launch.hpp"
#include "client/kernel_start.hpp"
#include "client/kernelspec.hpp"
#include "client/process.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

namespace docnb::testing {

inline KernelLaunch ipykernel_launch(const std::filesystem::path& runtime) {
  Result<KernelSpec> spec = find_kernelspec("python3", kernel_search_path(current_environment()));
  REQUIRE(spec.ok());
  KernelLaunch launch;
  launch.spec = *spec;
  launch.environment = current_environment();
  launch.runtime_dir = runtime;
  launch.python_executable = DOCNB_PYTHON;
  launch.startup_timeout = std::chrono::seconds(60);
  launch.extra_arguments.emplace_back("--HistoryManager.hist_file=:memory:");
  return launch;
}

// One ipykernel for a test, shut down with it.
struct Ipykernel {
  TempDir runtime = TempDir::create("docnb-test").value();
  KernelHost host;
  std::unique_ptr<KernelConnection> kernel;

  Ipykernel() {
    KernelStart started = start_kernel(ipykernel_launch(runtime.path()), host);
    REQUIRE(started.ok());
    kernel = std::move(started).value();
  }
};

} // namespace docnb::testing
