// SIGINT, SIGTERM and SIGHUP turned into a StopRequest (support/stop_request.hpp) that the run
// reads, instead of ending docnb where it stands: kernels, fork servers and the runtime folder
// are then cleaned up by their owners' destructors, and the reports are written for what
// finished.
//
// The signals are blocked in every thread (the mask is set before any thread starts, and
// threads inherit it) and taken by one thread of this class from a signalfd, so no handler
// runs at an arbitrary point and no global flag is needed: the request is the object passed in.
//   first SIGINT      → finish_running: nothing new starts, running cells are interrupted
//   second SIGINT     → abort
//   SIGTERM, SIGHUP   → abort
#pragma once

#include "support/stop_request.hpp"

#include <csignal>
#include <ostream>
#include <thread>

namespace docnb::cli {

class StopSignals {
public:
  // Must be constructed before any other thread starts. Notes go to `notes` (stderr).
  StopSignals(StopRequest& request, std::ostream& notes);
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  // Stops listening and restores the signal mask; a signal still pending then acts as usual.
  ~StopSignals();

private:
  void listen();
  void on_signal(int signal);

  StopRequest& request_;
  std::ostream& notes_;
  sigset_t previous_mask_{};
  int signals_fd_ = -1;
  int quit_fd_ = -1; // written by the destructor to end listen()
  std::thread thread_;
};

} // namespace docnb::cli
