// docnb-kernel's fork server driven by docnb's client: kernels are processes of their own,
// report how they ended, and stop with their client or their server.
#include "client/fork_server.hpp"
#include "client/kernel_client.hpp"
#include "code_cells.hpp"
#include "execute/execute_notebook.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <signal.h>
#include <unistd.h>

using namespace docnb;
using docnb::testing::code_cells;
namespace fs = std::filesystem;

namespace {

const fs::path build_kernels = fs::path(DOCNB_BINARY_DIR) / "share/jupyter/kernels";

std::string printed(const NotebookRun& run, std::size_t cell) {
  std::string text;
  for (const Json& output : run.notebook.cells()[cell]["outputs"])
    if (output.value("output_type", "") == "stream") text += output.value("text", "");
  return text;
}

struct Fixture {
  TempDir runtime = TempDir::create("docnb-fork-test").value();
  KernelSpec spec = find_kernelspec("docnb-python", {build_kernels}).value();
  KernelHost host;

  KernelLaunch launch(const ForkServer* server) const {
    KernelLaunch launch;
    launch.spec = spec;
    launch.environment = current_environment();
    launch.runtime_dir = runtime.path();
    launch.cwd = runtime.path();
    launch.startup_timeout = std::chrono::seconds(60);
    launch.fork_server = server;
    return launch;
  }
};

} // namespace

TEST_CASE("the build tree's docnb-python offers a fork server", "[client][fork]") {
  const Fixture fixture;
  CHECK(fork_kind(fixture.spec) == ForkKind::docnb_kernel);
}

TEST_CASE("forked kernels are fresh processes that see the preload and report their exit",
          "[client][fork]") {
  Fixture fixture;
  Result<ForkServer> server =
      ForkServer::start(fixture.spec, DOCNB_PYTHON, current_environment(), fixture.runtime.path(),
                        ForkPreload{"import json\nPRELOADED = 1", {}}, std::chrono::seconds(60));
  REQUIRE(server.ok());
  auto first = KernelClient::start(fixture.launch(&*server), fixture.host);
  auto second = KernelClient::start(fixture.launch(&*server), fixture.host);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK((*first)->pid() != (*second)->pid());
  CHECK(getpgid((*first)->pid()) == (*first)->pid()); // a process group of its own

  // A fresh namespace in each; the preloaded module is imported already, its name is not set.
  const NotebookRun run = execute_notebook(
      code_cells({"import sys, os\nprint('json' in sys.modules, 'PRELOADED' in dir())", "x = 1",
                  "print(os.getcwd())"}),
      **first, ExecuteOptions{});
  CHECK(printed(run, 0) == "True False\n");
  CHECK(printed(run, 2) == fixture.runtime.path().string() + "\n");
  const NotebookRun other =
      execute_notebook(code_cells({"print('x' in dir())"}), **second, ExecuteOptions{});
  CHECK(printed(other, 0) == "False\n");

  // The server reaps it and tells how it ended.
  const NotebookRun exited =
      execute_notebook(code_cells({"import os\nos._exit(3)"}), **second, ExecuteOptions{});
  REQUIRE(exited.cells.size() == 1);
  CHECK(exited.cells[0].status == CellStatus::kernel_died);
  CHECK(exited.cells[0].reason == "kernel died (exit code 3)");

  const pid_t pid = (*first)->pid();
  first->reset(); // the client goes: the kernel is killed and reaped
  CHECK(kill(pid, 0) != 0);
}

TEST_CASE("an interrupted forked kernel answers, as a started one does", "[client][fork]") {
  Fixture fixture;
  Result<ForkServer> server =
      ForkServer::start(fixture.spec, DOCNB_PYTHON, current_environment(), fixture.runtime.path(),
                        ForkPreload{}, std::chrono::seconds(60));
  REQUIRE(server.ok());
  auto kernel = KernelClient::start(fixture.launch(&*server), fixture.host);
  REQUIRE(kernel.ok());
  ExecuteOptions options;
  options.cell_timeout = std::chrono::milliseconds(1000);
  const NotebookRun run =
      execute_notebook(code_cells({"while True: pass", "print('after')"}), **kernel, options);
  REQUIRE(run.cells.size() == 2);
  CHECK(run.cells[0].status == CellStatus::timed_out);
  CHECK_FALSE(run.kernel_lost);
  CHECK(printed(run, 1) == "after\n");
}
