#include "client/process.hpp"

#include "support/lifelong_thread.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ; // NOLINT(readability-redundant-declaration)

namespace docnb {
namespace {

ExitStatus decode(int raw) {
  ExitStatus status;
  if (WIFEXITED(raw)) status.code = WEXITSTATUS(raw);
  if (WIFSIGNALED(raw)) status.signal = WTERMSIG(raw);
  return status;
}

std::optional<std::string> find_on_path(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string_view dir = rest.substr(0, colon);
    const std::string candidate = std::string(dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

// What the child of a fork needs, prepared before the fork: after it, only async-signal-safe
// calls.
struct ChildSetup {
  const char* program;
  char* const* argv;
  char* const* envp;
  const char* log;
  const char* cwd;
  pid_t parent;
  int exec_pipe; // written the errno of a failed exec
};

[[noreturn]] void become_child(const ChildSetup& setup) {
  setpgid(0, 0);
  // Dies with docnb, even with a docnb that is SIGKILLed and can clean nothing up; a docnb
  // that is already gone by now is caught by the parent check.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != setup.parent) _exit(127);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  signal(SIGINT, SIG_DFL);
  signal(SIGPIPE, SIG_DFL);
  const int out = open(setup.log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  const int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (out >= 0) {
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
  }
  if (in >= 0) dup2(in, STDIN_FILENO);
  int failure = 0;
  if (setup.cwd[0] != '\0' && chdir(setup.cwd) != 0) failure = errno;
  if (failure == 0) {
    execve(setup.program, setup.argv, setup.envp);
    failure = errno;
  }
  [[maybe_unused]] const ssize_t written = write(setup.exec_pipe, &failure, sizeof failure);
  _exit(127);
}

} // namespace

std::string ExitStatus::describe() const {
  if (signal != 0) return "signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  return "exit code " + std::to_string(code);
}

std::map<std::string, std::string> current_environment() {
  std::map<std::string, std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    env.emplace(text.substr(0, equals), text.substr(equals + 1));
  }
  return env;
}

Result<ChildProcess> ChildProcess::spawn(const ProcessSpec& spec) {
  if (spec.argv.empty()) return Error{"empty command line", ""};
  const std::optional<std::string> program = find_on_path(spec.argv[0]);
  if (!program) return Error{"cannot find '" + spec.argv[0] + "' on PATH", ""};

  // Everything the child needs is built before fork: only async-signal-safe calls after it.
  std::vector<char*> argv;
  for (const std::string& arg : spec.argv)
    argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env_storage;
  for (const auto& [key, value] : spec.env)
    env_storage.push_back(key + "=" + value);
  std::vector<char*> envp;
  for (std::string& entry : env_storage)
    envp.push_back(entry.data());
  envp.push_back(nullptr);
  const std::string log = spec.output_log.empty() ? "/dev/null" : spec.output_log.string();
  const std::string cwd = spec.cwd.string();

  // A pipe that closes on exec tells the parent whether exec succeeded.
  int exec_pipe[2];
  if (pipe2(exec_pipe, O_CLOEXEC) != 0) return Error{std::strerror(errno), "pipe2"};

  const ChildSetup setup{program->c_str(), argv.data(), envp.data(), log.c_str(),
                         cwd.c_str(),      getpid(),    exec_pipe[1]};
  pid_t pid = -1;
  // Forked on the thread that lives as long as docnb, so that the child's death signal fires
  // when docnb ends, however it ends (support/lifelong_thread.hpp).
  run_on_lifelong_thread([&setup, &pid] {
    pid = fork();
    if (pid == 0) become_child(setup);
  });
  if (pid < 0) {
    close(exec_pipe[0]);
    close(exec_pipe[1]);
    return Error{std::strerror(errno), "fork"};
  }
  setpgid(pid, pid); // also from the parent, so a signal sent right away reaches the group
  close(exec_pipe[1]);
  int failure = 0;
  const ssize_t got = read(exec_pipe[0], &failure, sizeof failure);
  close(exec_pipe[0]);
  const int exit_fd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  ChildProcess child(pid, exit_fd);
  if (got == static_cast<ssize_t>(sizeof failure)) {
    child.wait_for(std::chrono::milliseconds(1000));
    return Error{std::string("cannot start '") + spec.argv[0] + "': " + std::strerror(failure), ""};
  }
  return child;
}

ChildProcess ChildProcess::adopt(pid_t pid, int status_fd) {
  ChildProcess child(pid, -1);
  child.status_fd_ = status_fd;
  return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), exit_fd_(other.exit_fd_), status_fd_(other.status_fd_),
      status_(other.status_) {
  other.pid_ = -1;
  other.exit_fd_ = -1;
  other.status_fd_ = -1;
}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  if (this != &other) {
    release();
    pid_ = other.pid_;
    exit_fd_ = other.exit_fd_;
    status_fd_ = other.status_fd_;
    status_ = other.status_;
    other.pid_ = -1;
    other.exit_fd_ = -1;
    other.status_fd_ = -1;
  }
  return *this;
}

std::optional<ExitStatus> ChildProcess::read_reported(int timeout_ms) {
  pollfd entry{status_fd_, POLLIN, 0};
  if (::poll(&entry, 1, timeout_ms) <= 0) return std::nullopt;
  // One short line, written at once by the reaper: read up to its end or EOF.
  std::string line;
  char buffer[256];
  for (;;) {
    const ssize_t got = read(status_fd_, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    line.append(buffer, static_cast<std::size_t>(got));
    if (line.find('\n') != std::string::npos) break;
  }
  ExitStatus status;
  const nlohmann::json report = nlohmann::json::parse(line, nullptr, false);
  if (report.is_object() && report.contains("exit")) {
    status.code = report.value("exit", 0);
    status.signal = report.value("signal", 0);
  } else {
    status.signal = SIGKILL; // the reaper went away: the process died with it (PDEATHSIG)
  }
  return status;
}

ExitStatus ChildProcess::wait_blocking() {
  if (status_fd_ >= 0) {
    // The reaper answers once the process is gone; a reaper that is gone itself took its
    // processes along.
    std::optional<ExitStatus> status = read_reported(10'000);
    return status ? *status : ExitStatus{0, SIGKILL};
  }
  int raw = 0;
  while (waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
  }
  return decode(raw);
}

ChildProcess::~ChildProcess() {
  release();
}

void ChildProcess::release() {
  if (pid_ > 0 && !status_) {
    signal_group(SIGKILL);
    wait_blocking();
  } else if (pid_ > 0) {
    // The leader is gone; its group may not be (a kernel's own children).
    kill(-pid_, SIGKILL);
  }
  if (exit_fd_ >= 0) close(exit_fd_);
  if (status_fd_ >= 0) close(status_fd_);
  pid_ = -1;
  exit_fd_ = -1;
  status_fd_ = -1;
}

std::optional<ExitStatus> ChildProcess::poll() {
  if (status_ || pid_ <= 0) return status_;
  if (status_fd_ >= 0) {
    status_ = read_reported(0);
    return status_;
  }
  int raw = 0;
  const pid_t reaped = waitpid(pid_, &raw, WNOHANG);
  if (reaped == pid_) status_ = decode(raw);
  return status_;
}

std::optional<ExitStatus> ChildProcess::wait_for(std::chrono::milliseconds timeout) {
  if (poll()) return status_;
  if (status_fd_ >= 0) {
    status_ = read_reported(static_cast<int>(timeout.count()));
    return status_;
  }
  if (exit_fd_ >= 0) {
    pollfd entry{exit_fd_, POLLIN, 0};
    ::poll(&entry, 1, static_cast<int>(timeout.count()));
    return poll();
  }
  // Without pidfd (old kernels), fall back to short sleeps.
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!poll() && std::chrono::steady_clock::now() < deadline)
    usleep(10'000);
  return status_;
}

void ChildProcess::signal_group(int signal) const {
  if (pid_ > 0) kill(-pid_, signal);
}

ExitStatus ChildProcess::terminate(std::chrono::milliseconds grace) {
  if (poll()) return *status_;
  signal_group(SIGTERM);
  if (wait_for(grace)) return *status_;
  signal_group(SIGKILL);
  status_ = wait_blocking();
  return *status_;
}

} // namespace docnb
