// A child process started by fork/exec in its own process group, never through a shell,
// and always reaped; or a process a fork server started for us (client/fork_server.hpp), which
// reaps it and reports its exit status on a connection.
#pragma once

#include "support/result.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace docnb {

struct ProcessSpec {
  std::vector<std::string> argv;          // argv[0] is looked up on PATH when it has no '/'
  std::map<std::string, std::string> env; // the complete environment of the child
  std::filesystem::path cwd;              // empty: inherit
  std::filesystem::path output_log;       // stdout and stderr go here; empty: /dev/null
};

// How a process ended, as waitpid reports it.
struct ExitStatus {
  int code = 0;   // exit code when it exited
  int signal = 0; // the signal that killed it, or 0

  [[nodiscard]] std::string describe() const;
};

class ChildProcess {
public:
  static Result<ChildProcess> spawn(const ProcessSpec& spec);
  // A process in its own process group that another process (a fork server) reaps: its exit
  // status arrives on `status_fd` as one JSON line {"exit": CODE, "signal": SIG}. Takes the
  // descriptor.
  static ChildProcess adopt(pid_t pid, int status_fd);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  // Kills the whole process group if it still runs, and reaps.
  ~ChildProcess();

  [[nodiscard]] pid_t pid() const { return pid_; }
  // A descriptor that becomes readable when the process exits (pidfd, or the connection its
  // status arrives on), for poll loops.
  [[nodiscard]] int exit_fd() const { return status_fd_ >= 0 ? status_fd_ : exit_fd_; }

  // Reaps without blocking; the status once the process has exited.
  std::optional<ExitStatus> poll();
  // Waits up to `timeout` for the process to exit.
  std::optional<ExitStatus> wait_for(std::chrono::milliseconds timeout);
  // Sends `signal` to the child's process group.
  void signal_group(int signal) const;
  // SIGTERM, then SIGKILL after `grace`; always reaps.
  ExitStatus terminate(std::chrono::milliseconds grace);

private:
  ChildProcess(pid_t pid, int exit_fd) : pid_(pid), exit_fd_(exit_fd) {}
  void release();
  // Waits for the process's status: reaps a child of ours, reads an adopted one's.
  ExitStatus wait_blocking();
  std::optional<ExitStatus> read_reported(int timeout_ms);

  pid_t pid_ = -1;
  int exit_fd_ = -1;
  int status_fd_ = -1; // adopted: where its reaper reports the exit status
  std::optional<ExitStatus> status_;
};

// The current process's environment as a map, to start a child's from.
std::map<std::string, std::string> current_environment();

} // namespace docnb
