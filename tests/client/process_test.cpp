// Child processes: started without a shell in a process group of their own, with exactly the
// environment given, their output logged, and always reaped however they end.
#include "client/process.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace docnb;
namespace fs = std::filesystem;

namespace {

ChildProcess started(std::vector<std::string> argv, const fs::path& log = {},
                     std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}}) {
  Result<ChildProcess> child = ChildProcess::spawn({std::move(argv), std::move(env), {}, log});
  REQUIRE(child.ok());
  return std::move(child).value();
}

std::string text_of(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

} // namespace

TEST_CASE("process: the exit code, the environment given and the output log", "[client][process]") {
  const TempDir dir = TempDir::create("docnb-process").value();
  const fs::path log = dir.path() / "out.log";
  ChildProcess child = started({"sh", "-c", "echo \"$ONLY\" out; echo err >&2; exit 3"}, log,
                               {{"PATH", "/usr/bin:/bin"}, {"ONLY", "given"}});
  const std::optional<ExitStatus> status = child.wait_for(std::chrono::seconds(60));
  REQUIRE(status);
  CHECK(status->code == 3);
  CHECK(status->signal == 0);
  CHECK(status->describe() == "exit code 3");
  CHECK(text_of(log) == "given out\nerr\n");
  // Reaped once, the status stays.
  CHECK(child.poll()->code == 3);
}

TEST_CASE("process: its own process group, signalled and terminated whole", "[client][process]") {
  ChildProcess child = started({"sleep", "60"});
  CHECK(getpgid(child.pid()) == child.pid());
  CHECK_FALSE(child.poll());
  child.signal_group(SIGKILL);
  const std::optional<ExitStatus> killed = child.wait_for(std::chrono::seconds(60));
  REQUIRE(killed);
  CHECK(killed->signal == SIGKILL);
  CHECK_THAT(killed->describe(), Catch::StartsWith("signal 9 ("));

  // A process that ignores SIGTERM is killed once the grace is over. It says when it ignores
  // it, so that the signal does not arrive before.
  const TempDir dir = TempDir::create("docnb-process").value();
  const fs::path log = dir.path() / "out.log";
  ChildProcess stubborn = started({"sh", "-c", "trap '' TERM; echo ready; sleep 60"}, log);
  for (int tries = 0; tries < 6'000 && text_of(log).empty(); ++tries)
    usleep(10'000);
  REQUIRE(text_of(log) == "ready\n");
  const ExitStatus ended = stubborn.terminate(std::chrono::milliseconds(200));
  CHECK(ended.signal == SIGKILL);
  CHECK(::kill(stubborn.pid(), 0) != 0); // reaped: the pid is gone
}

TEST_CASE("process: a program that cannot be started is an error", "[client][process]") {
  const std::map<std::string, std::string> env{{"PATH", "/usr/bin:/bin"}};
  const Result<ChildProcess> missing = ChildProcess::spawn({{"/nonexistent/program"}, env, {}, {}});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message ==
        "cannot start '/nonexistent/program': No such file or directory");
  const Result<ChildProcess> unknown = ChildProcess::spawn({{"no-such-program-x"}, env, {}, {}});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message == "cannot find 'no-such-program-x' on PATH");
  CHECK_FALSE(ChildProcess::spawn({{}, env, {}, {}}).ok());
}

TEST_CASE("process: the current environment as a map", "[client][process]") {
  const std::map<std::string, std::string> env = current_environment();
  REQUIRE(env.contains("PATH"));
  CHECK(env.at("PATH") == std::getenv("PATH"));
}
