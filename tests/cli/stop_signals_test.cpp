// SIGINT, SIGTERM and SIGHUP sent to docnb become a StopRequest: the first SIGINT finishes
// what runs, a second one or SIGTERM aborts. Each signal is sent to this process, which only
// a process whose every thread blocks them can take (under ctest each test case has its own).
#include "cli/stop_signals.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <poll.h>
#include <sstream>
#include <unistd.h>

using namespace docnb;

namespace {

// Threads other than this one could take a signal meant for StopSignals, and die of it.
bool alone_in_process() {
  std::size_t threads = 0;
  for ([[maybe_unused]] const auto& task : std::filesystem::directory_iterator("/proc/self/task"))
    ++threads;
  return threads == 1;
}

// Waits (a minute at the most) until `level` is requested.
bool reached(const StopRequest& request, StopLevel level) {
  pollfd wake{request.wake_fd(level), POLLIN, 0};
  return ::poll(&wake, 1, 60'000) == 1;
}

} // namespace

TEST_CASE("stop signals: a first SIGINT finishes running, a second aborts", "[cli][signals]") {
  if (!alone_in_process()) return; // run alone (as ctest runs it) for the signals to be safe
  StopRequest request;
  std::ostringstream notes;
  {
    const cli::StopSignals signals(request, notes);
    REQUIRE(::kill(::getpid(), SIGINT) == 0);
    REQUIRE(reached(request, StopLevel::finish_running));
    CHECK(request.level() == StopLevel::finish_running);
    CHECK(request.signal() == SIGINT);
    REQUIRE(::kill(::getpid(), SIGINT) == 0);
    REQUIRE(reached(request, StopLevel::abort));
  }
  CHECK(request.signal() == SIGINT); // the first signal is the one reported
  CHECK_THAT(notes.str(), Catch::Contains("docnb: SIGINT: starting nothing new"));
  CHECK_THAT(notes.str(), Catch::Contains("docnb: SIGINT: aborting"));
}

TEST_CASE("stop signals: SIGTERM aborts at once", "[cli][signals]") {
  if (!alone_in_process()) return;
  StopRequest request;
  std::ostringstream notes;
  {
    const cli::StopSignals signals(request, notes);
    REQUIRE(::kill(::getpid(), SIGTERM) == 0);
    REQUIRE(reached(request, StopLevel::abort));
  }
  CHECK(request.signal() == SIGTERM);
  CHECK_THAT(notes.str(), Catch::Contains("docnb: SIGTERM: aborting"));
}
