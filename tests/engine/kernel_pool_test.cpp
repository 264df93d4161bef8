#include "../client/code_cells.hpp"
#include "../ipykernel_launch.hpp"
#include "engine/kernel_pool.hpp"
#include "execute/execute_notebook.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <unistd.h>

using namespace docnb;
namespace fs = std::filesystem;
using testing::code_cells;
using testing::ipykernel_launch;

namespace {

// The repr of the cell's value.
std::string value_of(KernelConnection& kernel, const std::string& source) {
  NotebookRun run = execute_notebook(code_cells({source}), kernel, ExecuteOptions{});
  REQUIRE(run.cells.size() == 1);
  REQUIRE(run.cells[0].status == CellStatus::ok);
  return run.notebook.cells()[0]["outputs"][0]["data"]["text/plain"].get<std::string>();
}

std::string pid_reported_by(KernelConnection& kernel) {
  return value_of(kernel, "import os\nos.getpid()");
}

// A process's state letter and parent, from /proc; {"", -1} once it is reaped.
std::pair<std::string, pid_t> stat_of(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  if (text.empty()) return {"", -1};
  // "pid (comm) S ppid ...": the state letter, then the parent.
  const std::string fields = text.substr(text.rfind(')') + 2);
  return {fields.substr(0, 1), std::stoi(fields.substr(2))};
}

pid_t parent_of(pid_t pid) {
  return stat_of(pid).second;
}

// A run's fork servers, over a runtime folder of their own.
struct Servers {
  TempDir runtime = TempDir::create("docnb-test").value();
  KernelHost host;
  ForkServers servers;
  std::vector<std::string> warnings;

  explicit Servers(ForkPreload preload = {}) : servers(runtime.path(), true, std::move(preload)) {}
  [[nodiscard]] KernelLaunch launch() const { return ipykernel_launch(runtime.path()); }
  // The plain ipykernel launch and the zygote its kernels fork from.
  [[nodiscard]] std::pair<KernelLaunch, const ForkServer*> zygote() {
    KernelLaunch plain = launch();
    const ForkServer* server = servers.for_launch(plain, warnings);
    return {std::move(plain), server};
  }
};

// A kernel of `launch` forked from `server`.
std::unique_ptr<KernelClient> forked(KernelLaunch launch, const ForkServer* server,
                                     KernelHost& host) {
  REQUIRE(server != nullptr);
  launch.fork_server = server;
  auto kernel = KernelClient::start(launch, host);
  REQUIRE(kernel.ok());
  return std::move(kernel).value();
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
    KernelReaper reaper(std::chrono::seconds(5));
    KernelStart kernel = WarmKernel(ipykernel_launch(runtime->path()), host).take();
    REQUIRE(kernel.ok());
    pid = std::stoi((*kernel)->kernel_id());
    reaper.retire(std::move(kernel).value());
  }
  CHECK(::kill(pid, 0) != 0); // gone and reaped once the reaper is
}

TEST_CASE("ipykernel kernels fork from one zygote per kernelspec, interpreter and environment",
          "[engine][pool][fork]") {
  Servers fork;
  auto& [runtime, host, servers, warnings] = fork;
  const auto [launch, server] = fork.zygote();
  CHECK(server != nullptr);
  CHECK(servers.for_launch(launch, warnings) == server);
  KernelLaunch elsewhere = launch;
  elsewhere.environment["DOCNB_TEST_OTHER_ENVIRONMENT"] = "1";
  const ForkServer* other = servers.for_launch(elsewhere, warnings);
  CHECK(other != nullptr);
  CHECK(other != server);
  CHECK(warnings.empty());

  // Separate processes, children of the zygote (not of docnb), each drawing its own numbers.
  const auto first = forked(launch, server, host);
  const auto second = forked(launch, server, host);
  CHECK(first->pid() != second->pid());
  CHECK(pid_reported_by(*first) == std::to_string(first->pid()));
  CHECK(pid_reported_by(*second) == std::to_string(second->pid()));
  CHECK(parent_of(first->pid()) == parent_of(second->pid()));
  CHECK(parent_of(first->pid()) != getpid());
  CHECK(getpgid(first->pid()) == first->pid());
  const std::string draw = "import random\nrandom.random()";
  CHECK(value_of(*first, draw) != value_of(*second, draw));
  const auto third = forked(elsewhere, other, host);
  CHECK(value_of(*third, "import os\nos.environ.get('DOCNB_TEST_OTHER_ENVIRONMENT')") == "'1'");
}

TEST_CASE("a Python kernelspec docnb cannot fork starts plainly, with one warning",
          "[engine][pool][fork]") {
  Servers fork;
  ForkServers& servers = fork.servers;
  KernelLaunch launch = fork.launch();
  launch.spec.argv = {"python3", "-c",
                      "from ipykernel import kernelapp; "
                      "kernelapp.launch_new_instance()",
                      "-f", "{connection_file}"};
  std::vector<std::string> warnings;
  CHECK(servers.for_launch(launch, warnings) == nullptr);
  CHECK(servers.for_launch(launch, warnings) == nullptr);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::StartsWith("kernels of python3 start plainly"));

  // Another language's kernels are simply started; and --no-fork starts every kernel plainly.
  launch.spec.language = "R";
  launch.spec.name = "ir";
  CHECK(servers.for_launch(launch, warnings) == nullptr);
  ForkServers disabled(fork.runtime.path(), false, ForkPreload{});
  CHECK(disabled.for_launch(fork.launch(), warnings) == nullptr);
  CHECK(warnings.size() == 1);
}

TEST_CASE("a module the zygote cannot preload is a warning, and the others are preloaded",
          "[engine][pool][fork]") {
  Servers fork(ForkPreload{"", {"docnb_no_such_module", "colorsys"}});
  auto& [runtime, host, servers, warnings] = fork;
  const auto [launch, server] = fork.zygote();
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("cannot preload docnb_no_such_module"));
  const auto kernel = forked(launch, server, host);
  // In sys.modules, not in the namespace.
  CHECK(value_of(*kernel, "import sys\n'colorsys' in sys.modules, 'colorsys' in dir()") ==
        "(True, False)");
}

TEST_CASE("a zygote that died is a warning, and kernels start plainly after it",
          "[engine][pool][fork]") {
  Servers fork;
  auto& [runtime, host, servers, warnings] = fork;
  const auto [launch, server] = fork.zygote();
  auto kernel = forked(launch, server, host);
  const pid_t zygote = parent_of(kernel->pid());
  REQUIRE(::kill(zygote, SIGKILL) == 0);
  // Its kernels die with it (reparented, then reaped by init).
  const auto gone = [pid = kernel->pid()] {
    const std::string state = stat_of(pid).first;
    return state.empty() || state[0] == 'Z';
  };
  for (int tries = 0; tries < 3'000 && !gone(); ++tries)
    usleep(10'000);
  CHECK(gone());
  while (stat_of(zygote).first != "Z")
    usleep(10'000); // dead, waiting to be reaped by for_launch
  CHECK(servers.for_launch(launch, warnings) == nullptr);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("fork server exited (signal 9"));
  CHECK(servers.for_launch(launch, warnings) == nullptr);
  CHECK(warnings.size() == 1);
  // A launch that still names the dead server starts plainly.
  const auto plain = forked(launch, server, host);
  CHECK(parent_of(plain->pid()) == getpid());
}

TEST_CASE("a zygote that fails to start is one warning, and kernels start plainly",
          "[engine][pool][fork]") {
  Servers fork;
  ForkServers& servers = fork.servers;
  KernelLaunch launch = fork.launch();
  launch.spec.argv = {"/bin/false", "-m", "ipykernel_launcher", "-f", "{connection_file}"};
  std::vector<std::string> warnings;
  CHECK(servers.for_launch(launch, warnings) == nullptr);
  CHECK(servers.for_launch(launch, warnings) == nullptr);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("kernels of python3 start plainly"));
  CHECK_THAT(warnings[0], Catch::Contains("the fork server exited (exit code 1)"));
}
