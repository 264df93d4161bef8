// A request to stop a run early, made by a signal (cli/stop_signals.hpp) and read by whatever
// can stop: the workers before each source, the executor while a cell runs.
#pragma once

#include <atomic>
#include <string>

namespace docnb {

enum class StopLevel {
  none,
  finish_running, // start nothing new; interrupt the running cells and report them
  abort,          // end the running cells now (their kernels are killed)
};

class StopRequest {
public:
  StopRequest();
  StopRequest(const StopRequest&) = delete;
  StopRequest& operator=(const StopRequest&) = delete;
  ~StopRequest();

  // Raises the level (never lowers it); the first request's signal is the one reported.
  void request(StopLevel level, int signal);
  [[nodiscard]] StopLevel level() const { return level_.load(); }
  [[nodiscard]] bool requested() const { return level() != StopLevel::none; }
  // The signal that asked first (SIGINT, SIGTERM, SIGHUP), or 0.
  [[nodiscard]] int signal() const { return signal_.load(); }
  // "stopped by SIGTERM", for the reasons of what did not run to its end.
  [[nodiscard]] std::string describe() const;
  // A descriptor that becomes readable, and stays so, once `level` (finish_running or abort)
  // is requested: a poll loop wakes up for it. -1 when none could be made (then only the
  // level tells).
  [[nodiscard]] int wake_fd(StopLevel level) const;

private:
  std::atomic<StopLevel> level_{StopLevel::none};
  std::atomic<int> signal_{0};
  int finish_fd_ = -1;
  int abort_fd_ = -1;
};

// "SIGINT", "SIGTERM", "SIGHUP"; else "signal N".
[[nodiscard]] std::string signal_name(int signal);

} // namespace docnb
