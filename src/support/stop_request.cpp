#include "support/stop_request.hpp"

#include <csignal>
#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>

namespace docnb {
namespace {

void make_readable(int fd) {
  if (fd < 0) return;
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t written = write(fd, &one, sizeof one);
}

} // namespace

StopRequest::StopRequest()
    : finish_fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
      abort_fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

StopRequest::~StopRequest() {
  if (finish_fd_ >= 0) close(finish_fd_);
  if (abort_fd_ >= 0) close(abort_fd_);
}

void StopRequest::request(StopLevel level, int signal) {
  int none = 0;
  signal_.compare_exchange_strong(none, signal);
  StopLevel current = level_.load();
  while (current < level && !level_.compare_exchange_weak(current, level)) {
  }
  // Both descriptors once aborting: a poller still waiting for the first level wakes too.
  if (level >= StopLevel::finish_running) make_readable(finish_fd_);
  if (level >= StopLevel::abort) make_readable(abort_fd_);
}

std::string StopRequest::describe() const {
  return "stopped by " + signal_name(signal());
}

int StopRequest::wake_fd(StopLevel level) const {
  return level == StopLevel::abort ? abort_fd_ : finish_fd_;
}

std::string signal_name(int signal) {
  switch (signal) {
  case SIGINT:
    return "SIGINT";
  case SIGTERM:
    return "SIGTERM";
  case SIGHUP:
    return "SIGHUP";
  default:
    return "signal " + std::to_string(signal);
  }
}

} // namespace docnb
