#include "client/gateway_kernel.hpp"
#include "code_cells.hpp"
#include "execute/execute_notebook.hpp"
#include "gateway_test_server.hpp"

#include <catch2/catch.hpp>
#include <thread>

using namespace docnb;
using docnb::testing::code_cells;
namespace fs = std::filesystem;

namespace {

KernelLaunch launch_on(const GatewayClient& client) {
  KernelLaunch launch;
  launch.spec = *client.kernelspec("python3");
  launch.gateway = &client;
  launch.startup_timeout = std::chrono::seconds(60);
  return launch;
}

std::unique_ptr<GatewayKernel> start(const GatewayClient& client) {
  Result<std::unique_ptr<GatewayKernel>> kernel = GatewayKernel::start(launch_on(client));
  REQUIRE(kernel.ok());
  return std::move(kernel).value();
}

void wait_for_file(const fs::path& path) {
  const auto deadline = Clock::now() + std::chrono::seconds(120);
  while (!fs::exists(path) && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

} // namespace

TEST_CASE("a gateway kernel runs cells, is interrupted on timeout, and is deleted at the end",
          "[client][gateway][server]") {
  testing::GatewayTestServer server;
  const GatewayClient client = server.client();
  {
    std::unique_ptr<GatewayKernel> kernel = start(client);
    CHECK(kernel->framing() == Framing::v1);
    CHECK(kernel->kernel_info()["protocol_version"].get<std::string>().starts_with("5."));
    CHECK(kernel->heartbeat(std::chrono::seconds(30)));
    CHECK(client.kernels()->size() == 1);

    ExecuteOptions options;
    options.cell_timeout = std::chrono::seconds(3);
    NotebookRun run = execute_notebook(
        code_cells({"print('hi')\n1 + 1", "import time\ntime.sleep(600)", "print('after')"}),
        *kernel, options);
    REQUIRE(run.cells.size() == 3);
    const Json& first = run.notebook.cells()[0];
    REQUIRE(first["outputs"].size() == 2);
    CHECK(first["outputs"][0]["text"] == "hi\n");
    CHECK(first["outputs"][1]["data"]["text/plain"] == "2");
    CHECK(first["execution_count"] == 1);
    CHECK(first["metadata"]["execution"].contains("shell.execute_reply"));
    // The REST interrupt stops the sleep; the kernel lives on and runs the next cell.
    CHECK(run.cells[1].status == CellStatus::timed_out);
    CHECK(run.cells[1].reason.find("(interrupted)") != std::string::npos);
    CHECK(run.cells[2].status == CellStatus::ok);
    CHECK(run.notebook.cells()[2]["outputs"][0]["text"] == "after\n");
    CHECK_FALSE(run.kernel_lost);
  }
  CHECK(client.kernels()->empty()); // the kernel deleted itself

  std::unique_ptr<GatewayKernel> killed = start(client);
  killed->kill();
  CHECK(client.kernels()->empty());
  CHECK_FALSE(killed->heartbeat(std::chrono::seconds(1)));
  CHECK(killed->next_event(Clock::now()).kind == KernelEvent::Kind::died);
}

TEST_CASE("a gateway kernel that dies or is restarted on the server fails the running cell",
          "[client][gateway][server]") {
  // A kernel whose process dies is not restarted: the server reports it dead.
  testing::GatewayTestServer server(/*framing_json=*/true, {"--KernelRestarter.restart_limit=0"});
  const GatewayClient client = server.client();
  Result<TempDir> folder = TempDir::create("docnb-test");
  REQUIRE(folder.ok());

  std::unique_ptr<GatewayKernel> exiting = start(client);
  CHECK(exiting->framing() == Framing::json);
  NotebookRun died =
      execute_notebook(code_cells({"import os\nos._exit(3)", "print('never')"}), *exiting, {});
  REQUIRE(died.cells.size() == 2);
  CHECK(died.cells[0].status == CellStatus::kernel_died);
  CHECK(died.cells[0].reason == "kernel died (the gateway could not restart it)");
  CHECK(died.cells[1].status == CellStatus::not_run);
  CHECK(died.kernel_lost);
  exiting.reset();

  // Restarted through the REST API while a cell runs: the server interrupts the cell, and says
  // nothing of the restart; the new kernel's session gives it away as soon as it answers.
  std::unique_ptr<GatewayKernel> restarted = start(client);
  const fs::path marker = folder->path() / "running";
  std::thread restarter([&] {
    wait_for_file(marker);
    CHECK(client.restart_kernel(restarted->kernel_id()).ok());
  });
  NotebookRun run = execute_notebook(code_cells({"open(" + Json(marker.string()).dump() +
                                                     ", 'w').close()\nimport time\n"
                                                     "time.sleep(600)",
                                                 "time.sleep(60)", "print('never')"}),
                                     *restarted, {});
  restarter.join();
  REQUIRE(run.cells.size() == 3);
  CHECK(run.cells[0].status == CellStatus::error);
  CHECK(run.cells[0].reason.starts_with("KeyboardInterrupt"));
  CHECK(run.cells[1].status == CellStatus::kernel_died);
  CHECK(run.cells[1].reason.find("restarted on the gateway") != std::string::npos);
  CHECK(run.cells[2].status == CellStatus::not_run);
  restarted.reset();
  CHECK(client.kernels()->empty());
}
