// How the unit tests start Debian's ipykernel: the python3 kernelspec found as jupyter_client
// finds it, run by DOCNB_PYTHON, with no history file shared between kernels; and one such
// kernel for a test.
#pragma once

#include "client/kernel_launch.hpp"
#include "client/kernel_start.hpp"
#include "client/kernelspec.hpp"
#include "client/process.hpp"
#include "notebook/notebook.hpp"
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

// The first cell run in a kernel, `print('hi')` and then an expression whose repr is `value`:
// its two outputs, its execution count and the timing stamps nbclient records.
inline void check_printed_hi_then(const Json& cell, const std::string& value) {
  REQUIRE(cell["outputs"].size() == 2);
  CHECK(cell["outputs"][0]["text"] == "hi\n");
  CHECK(cell["outputs"][1]["data"]["text/plain"] == value);
  CHECK(cell["execution_count"] == 1);
  for (const char* key :
       {"iopub.status.busy", "iopub.execute_input", "shell.execute_reply", "iopub.status.idle"}) {
    CHECK(cell["metadata"]["execution"].contains(key));
  }
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
