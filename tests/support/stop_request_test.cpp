#include "support/stop_request.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <poll.h>

using namespace docnb;

namespace {

bool readable(int fd) {
  pollfd entry{fd, POLLIN, 0};
  return ::poll(&entry, 1, 0) == 1 && (entry.revents & POLLIN) != 0;
}

} // namespace

TEST_CASE("a stop request rises, never falls, and keeps its first signal", "[support]") {
  StopRequest stop;
  CHECK_FALSE(stop.requested());
  CHECK(stop.signal() == 0);
  CHECK_FALSE(readable(stop.wake_fd(StopLevel::finish_running)));
  CHECK_FALSE(readable(stop.wake_fd(StopLevel::abort)));

  stop.request(StopLevel::finish_running, SIGINT);
  CHECK(stop.level() == StopLevel::finish_running);
  CHECK(readable(stop.wake_fd(StopLevel::finish_running)));
  CHECK_FALSE(readable(stop.wake_fd(StopLevel::abort)));

  stop.request(StopLevel::abort, SIGTERM);
  CHECK(stop.level() == StopLevel::abort);
  CHECK(readable(stop.wake_fd(StopLevel::abort)));
  CHECK(stop.signal() == SIGINT); // the first one, as the exit code reports
  CHECK(stop.describe() == "stopped by SIGINT");

  stop.request(StopLevel::finish_running, SIGINT);
  CHECK(stop.level() == StopLevel::abort);
}

TEST_CASE("an abort wakes a poller still waiting for the first level", "[support]") {
  StopRequest stop;
  stop.request(StopLevel::abort, SIGHUP);
  CHECK(readable(stop.wake_fd(StopLevel::finish_running)));
  CHECK(signal_name(SIGHUP) == "SIGHUP");
  CHECK(signal_name(SIGUSR1) == "signal " + std::to_string(SIGUSR1));
}
