#include "cli/stop_signals.hpp"

#include <array>
#include <cstdint>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace docnb::cli {
namespace {

sigset_t stop_signal_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

} // namespace

StopSignals::StopSignals(StopRequest& request, std::ostream& notes)
    : request_(request), notes_(notes) {
  const sigset_t set = stop_signal_set();
  pthread_sigmask(SIG_BLOCK, &set, &previous_mask_);
  signals_fd_ = signalfd(-1, &set, SFD_CLOEXEC);
  quit_fd_ = eventfd(0, EFD_CLOEXEC);
  if (signals_fd_ < 0 || quit_fd_ < 0) {
    // Nothing could take them: they keep their default action rather than go unheard.
    pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
    return;
  }
  thread_ = std::thread([this] { listen(); });
}

StopSignals::~StopSignals() {
  if (thread_.joinable()) {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = write(quit_fd_, &one, sizeof one);
    thread_.join();
  }
  if (signals_fd_ >= 0) close(signals_fd_);
  if (quit_fd_ >= 0) close(quit_fd_);
  pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

void StopSignals::listen() {
  for (;;) {
    std::array<pollfd, 2> fds{{{signals_fd_, POLLIN, 0}, {quit_fd_, POLLIN, 0}}};
    if (::poll(fds.data(), fds.size(), -1) < 0) continue; // EINTR
    if ((fds[1].revents & POLLIN) != 0) return;
    signalfd_siginfo info{};
    if (read(signals_fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
      on_signal(static_cast<int>(info.ssi_signo));
    }
  }
}

void StopSignals::on_signal(int signal) {
  const bool first_interrupt = signal == SIGINT && !request_.requested();
  request_.request(first_interrupt ? StopLevel::finish_running : StopLevel::abort, signal);
  if (first_interrupt) {
    notes_ << "\ndocnb: SIGINT: starting nothing new, interrupting the running cells "
              "(again to abort)\n"
           << std::flush;
  } else {
    notes_ << "\ndocnb: " << signal_name(signal) << ": aborting\n" << std::flush;
  }
}

} // namespace docnb::cli
