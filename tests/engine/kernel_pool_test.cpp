#include "engine/kernel_pool.hpp"
#include "execute/execute_notebook.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <csignal>

using namespace docnb;
namespace fs = std::filesystem;

namespace {

KernelLaunch ipykernel_launch(const fs::path& runtime) {
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

Notebook pid_notebook() {
  Notebook notebook;
  notebook.document = {{"cells", Json::array({{{"cell_type", "code"},
                                               {"source", "import os\nos.getpid()"},
                                               {"metadata", Json::object()},
                                               {"outputs", Json::array()},
                                               {"execution_count", nullptr}}})},
                       {"metadata", Json::object()},
                       {"nbformat", 4},
                       {"nbformat_minor", 5}};
  return notebook;
}

std::string pid_reported_by(KernelConnection& kernel) {
  NotebookRun run = execute_notebook(pid_notebook(), kernel, ExecuteOptions{});
  REQUIRE(run.cells.size() == 1);
  REQUIRE(run.cells[0].outcome == CellOutcome::ok);
  return run.notebook.cells()[0]["outputs"][0]["data"]["text/plain"].get<std::string>();
}

} // namespace

TEST_CASE("each warm kernel is a separate process, used once", "[engine][pool][kernel]") {
  Result<TempDir> runtime = TempDir::create("docnb-test");
  REQUIRE(runtime.ok());
  KernelHost host;
  const KernelLaunch launch = ipykernel_launch(runtime->path());
  // Both start at once, as a worker's current and next kernel do.
  WarmKernel first(launch, host);
  WarmKernel second(launch, host);
  KernelStart a = first.take();
  KernelStart b = second.take();
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const std::string pid_a = pid_reported_by(**a);
  const std::string pid_b = pid_reported_by(**b);
  CHECK(pid_a == (*a)->kernel_id());
  CHECK(pid_b == (*b)->kernel_id());
  CHECK(pid_a != pid_b);
}

TEST_CASE("a warm kernel killed before use is replaced by a fresh one", "[engine][pool][kernel]") {
  Result<TempDir> runtime = TempDir::create("docnb-test");
  REQUIRE(runtime.ok());
  KernelHost host;
  WarmKernel warm(ipykernel_launch(runtime->path()), host);
  const std::string id = warm.wait_kernel_id();
  REQUIRE(!id.empty());
  const pid_t killed = std::stoi(id);
  REQUIRE(killed > 0);
  REQUIRE(::kill(-killed, SIGKILL) == 0); // its whole process group, as the OOM killer might
  KernelStart kernel = warm.take();
  REQUIRE(kernel.ok());
  CHECK((*kernel)->kernel_id() != std::to_string(killed));
  CHECK(pid_reported_by(**kernel) == (*kernel)->kernel_id());
}

TEST_CASE("retired kernels are shut down and reaped", "[engine][pool][kernel]") {
  Result<TempDir> runtime = TempDir::create("docnb-test");
  REQUIRE(runtime.ok());
  KernelHost host;
  pid_t pid = -1;
  {
    KernelReaper reaper;
    KernelStart kernel = WarmKernel(ipykernel_launch(runtime->path()), host).take();
    REQUIRE(kernel.ok());
    pid = std::stoi((*kernel)->kernel_id());
    reaper.retire(std::move(kernel).value(), std::chrono::seconds(5));
  }
  CHECK(::kill(pid, 0) != 0); // gone and reaped once the reaper is
}
