#include "../ipykernel_launch.hpp"
#include "client/kernel_client.hpp"
#include "code_cells.hpp"
#include "execute/execute_notebook.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <signal.h>

using namespace docnb;
namespace fs = std::filesystem;
using testing::code_cells;

namespace {

const fs::path fake_kernels = fs::path(DOCNB_SOURCE_DIR) / "tests/fixtures/kernels";

// A kernel started in a runtime folder of its own, with the host it shares nothing with.
struct StartedKernel {
  TempDir runtime;
  std::unique_ptr<KernelHost> host = std::make_unique<KernelHost>();
  std::unique_ptr<KernelClient> kernel;

  KernelClient* operator->() const { return kernel.get(); }
};

StartedKernel start_kernel(const std::function<KernelLaunch(const fs::path&)>& launch_in) {
  Result<TempDir> runtime = TempDir::create("docnb-test");
  REQUIRE(runtime.ok());
  StartedKernel started{std::move(runtime).value()};
  auto kernel = KernelClient::start(launch_in(started.runtime.path()), *started.host);
  REQUIRE(kernel.ok());
  started.kernel = std::move(kernel).value();
  return started;
}

// One of the fake kernels of tests/fixtures/kernels.
StartedKernel start_fake(const std::string& name) {
  Result<KernelSpec> spec = find_kernelspec(name, {fake_kernels});
  REQUIRE(spec.ok());
  return start_kernel([&spec](const fs::path& runtime) {
    KernelLaunch launch;
    launch.spec = *spec;
    launch.environment = current_environment();
    launch.runtime_dir = runtime;
    launch.startup_timeout = std::chrono::seconds(30);
    return launch;
  });
}

// A notebook of one cell run in `started`: one cell run, whatever became of it.
NotebookRun run_one_cell(const StartedKernel& started, const std::string& source,
                         const ExecuteOptions& options = ExecuteOptions{}) {
  NotebookRun run = execute_notebook(code_cells({source}), *started.kernel, options);
  REQUIRE(run.cells.size() == 1);
  return run;
}

} // namespace

TEST_CASE("forged, truncated, garbage-suffixed and unsigned messages are dropped",
          "[client][kernel]") {
  const StartedKernel kernel = start_fake("fake-forge");

  NotebookRun run = run_one_cell(kernel, "anything");
  CHECK(run.cells[0].status == CellStatus::ok);
  const Json& outputs = run.notebook.cells()[0]["outputs"];
  REQUIRE(outputs.size() == 1);
  CHECK(outputs[0]["text"] == "GOOD\n");
  const std::vector<std::string> dropped = kernel->dropped();
  REQUIRE(dropped.size() == 4);
  CHECK(std::count(dropped.begin(), dropped.end(), "unsigned message") == 1);
  CHECK(run.warnings.size() == 4);
}

TEST_CASE("a kernel that never answers fails the cell on timeout and is killed",
          "[client][kernel]") {
  const StartedKernel kernel = start_fake("fake-mute");
  ExecuteOptions options;
  options.cell_timeout = std::chrono::milliseconds(500);
  options.interrupt_grace = std::chrono::milliseconds(500);
  NotebookRun run = run_one_cell(kernel, "x", options);
  CHECK(run.cells[0].status == CellStatus::timed_out);
  CHECK(run.cells[0].reason.find("killed") != std::string::npos);
  CHECK(run.kernel_lost);
  CHECK(kernel->exited().has_value());
  const Json& outputs = run.notebook.cells()[0]["outputs"];
  REQUIRE(outputs.size() == 1);
  CHECK(outputs[0]["ename"] == "CellTimeoutError");
}

TEST_CASE("a kernel whose control channel takes nothing is still ended within the grace",
          "[client][kernel]") {
  const StartedKernel kernel = start_fake("fake-deaf");
  NotebookRun run = run_one_cell(kernel, "x");
  CHECK(run.cells[0].status == CellStatus::ok);
  // The shutdown_request cannot be queued and SIGTERM is ignored: only SIGKILL ends it.
  kernel->shutdown(std::chrono::milliseconds(1'000));
  REQUIRE(kernel->exited().has_value());
  CHECK(kernel->exited()->signal == SIGKILL);
  CHECK(::kill(kernel->pid(), 0) != 0);
}

TEST_CASE("ipykernel starts, runs a cell, answers heartbeats and is reaped on shutdown",
          "[client][kernel]") {
  const StartedKernel kernel = start_kernel(testing::ipykernel_launch);
  CHECK(kernel->kernel_info()["protocol_version"].get<std::string>().starts_with("5."));
  CHECK(kernel->heartbeat(std::chrono::seconds(5)));

  NotebookRun run = run_one_cell(kernel, "print('hi')\n1 + 1");
  const Json& cell = run.notebook.cells()[0];
  testing::check_printed_hi_then(cell, "2");
  const pid_t pid = kernel->pid();
  // A generous grace: the point is that it shuts itself down, however loaded the machine.
  kernel->shutdown(std::chrono::seconds(40));
  REQUIRE(kernel->exited().has_value());
  CHECK(kernel->exited()->signal == 0);
  CHECK(kill(pid, 0) != 0); // reaped: the pid no longer exists
}
