#include "fork_server.hpp"

#include "interrupt_window.hpp"

#include <Python.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <poll.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace py = pybind11;
using Json = nlohmann::json;

namespace docnb::kernel {
namespace {

constexpr int parent_check_ms = 1'000;

// One line from a fresh connection; the client writes it at once.
std::optional<std::string> read_request(int fd) {
  std::string line;
  char c = 0;
  pollfd entry{fd, POLLIN, 0};
  while (::poll(&entry, 1, 5'000) > 0) {
    const ssize_t got = read(fd, &c, 1);
    if (got <= 0) return std::nullopt;
    if (c == '\n') return line;
    line += c;
  }
  return std::nullopt;
}

void send_line(int fd, const Json& message) {
  const std::string text = message.dump() + "\n";
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t wrote = write(fd, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return; // the client went away: nothing to tell it
    done += static_cast<std::size_t>(wrote);
  }
}

// Python's os.environ was read when Python started: the child's is made the requested one
// too. The GIL is held.
void take_environment(const std::map<std::string, std::string>& env) {
  clearenv();
  for (const auto& [key, value] : env)
    setenv(key.c_str(), value.c_str(), 1);
  const py::object environ = py::module_::import("os").attr("environ");
  environ.attr("clear")();
  environ.attr("update")(py::cast(env));
}

// The forked child turned into the requested kernel's process: its own process group, dying
// with the server, in its folder, writing to its log.
[[noreturn]] void become_kernel(const Json& request, const KernelMain& kernel_main, pid_t server) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != server) _exit(1); // the server died before the line above: so does this

  // The mask a kernel's main starts with (interrupt_window.hpp): SIGINT and the signals a
  // cell may handle reach cells only.
  sigset_t mask;
  sigemptyset(&mask);
  sigprocmask(SIG_SETMASK, &mask, nullptr);
  block_interrupts();
  const std::string log = request.value("log", "/dev/null");
  const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  const int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (out >= 0) {
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
  }
  if (in >= 0) dup2(in, STDIN_FILENO);
  const std::string cwd = request.value("cwd", "");
  if (!cwd.empty() && chdir(cwd.c_str()) != 0) {
    std::cerr << "docnb-kernel: cannot enter " << cwd << ": " << std::strerror(errno) << "\n";
    _exit(126);
  }
  std::vector<std::string> argv{"docnb-kernel"};
  int code = 1;
  try {
    for (const Json& arg : request.value("argv", Json::array()))
      argv.push_back(arg.get<std::string>());
    code = kernel_main(argv);
  } catch (const std::exception& error) {
    std::cerr << "docnb-kernel: the forked kernel failed: " << error.what() << "\n";
  }
  std::cout.flush();
  std::cerr.flush();
  _exit(code);
}

class Server {
public:
  Server(int listening, int children, const KernelMain& kernel_main)
      : listening_(listening), children_(children), kernel_main_(kernel_main) {}

  // Until docnb, which started the server, goes away (SIGKILLed, it could not stop it): the
  // server follows, and its kernels with it (PR_SET_PDEATHSIG).
  void serve() {
    const pid_t parent = getppid();
    while (getppid() == parent) {
      std::vector<pollfd> fds{{listening_, POLLIN, 0}, {children_, POLLIN, 0}};
      std::vector<pid_t> owners;
      for (const auto& [pid, fd] : connections_) {
        fds.push_back({fd, POLLIN, 0});
        owners.push_back(pid);
      }
      if (::poll(fds.data(), fds.size(), parent_check_ms) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if ((fds[1].revents & POLLIN) != 0) reap();
      for (std::size_t k = 2; k < fds.size(); ++k) {
        // Anything from a client after its request means it is gone (EOF): so is its kernel.
        if (fds[k].revents != 0) abandon(owners[k - 2]);
      }
      if ((fds[0].revents & POLLIN) != 0) accept_one();
    }
  }

private:
  void accept_one() {
    const int fd = accept4(listening_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) return;
    const std::optional<std::string> line = read_request(fd);
    const Json request = line ? Json::parse(*line, nullptr, false) : Json();
    if (!request.is_object()) {
      send_line(fd, {{"error", "not a JSON request line"}});
      close(fd);
      return;
    }
    std::map<std::string, std::string> env;
    try {
      env = request.value("env", Json::object()).get<std::map<std::string, std::string>>();
    } catch (const Json::exception& error) {
      send_line(fd, {{"error", std::string("bad env: ") + error.what()}});
      close(fd);
      return;
    }
    // Python must be told of the fork, with its GIL held; the child gives the GIL back before
    // the kernel runs (xeus' threads take it as they need it).
    const PyGILState_STATE gil = PyGILState_Ensure();
    const pid_t server = getpid();
    PyOS_BeforeFork();
    const pid_t pid = fork();
    if (pid == 0) {
      PyOS_AfterFork_Child();
      try {
        take_environment(env);
      } catch (const std::exception& error) {
        std::cerr << "docnb-kernel: cannot set the environment: " << error.what() << "\n";
      }
      PyGILState_Release(gil);
      close(listening_);
      close(children_);
      for (const auto& [other, connection] : connections_)
        close(connection);
      close(fd);
      become_kernel(request, kernel_main_, server);
    }
    PyOS_AfterFork_Parent();
    PyGILState_Release(gil);
    if (pid < 0) {
      send_line(fd, {{"error", std::string("fork: ") + std::strerror(errno)}});
      close(fd);
      return;
    }
    send_line(fd, {{"pid", pid}});
    connections_[pid] = fd;
  }

  void reap() {
    signalfd_siginfo info{};
    while (read(children_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
    }
    int raw = 0;
    for (pid_t pid; (pid = waitpid(-1, &raw, WNOHANG)) > 0;) {
      const auto found = connections_.find(pid);
      if (found == connections_.end()) continue;
      send_line(found->second, {{"exit", WIFEXITED(raw) ? WEXITSTATUS(raw) : 0},
                                {"signal", WIFSIGNALED(raw) ? WTERMSIG(raw) : 0}});
      close(found->second);
      connections_.erase(found);
    }
  }

  void abandon(pid_t pid) {
    kill(-pid, SIGKILL);
    const auto found = connections_.find(pid);
    if (found == connections_.end()) return;
    close(found->second);
    connections_.erase(found); // reaped all the same when SIGCHLD comes
  }

  int listening_;
  int children_;
  const KernelMain& kernel_main_;
  std::map<pid_t, int> connections_;
};

} // namespace

int serve_forks(const std::string& socket_path, const KernelMain& kernel_main) {
  sigset_t child_signal;
  sigemptyset(&child_signal);
  sigaddset(&child_signal, SIGCHLD);
  sigprocmask(SIG_BLOCK, &child_signal, nullptr);
  const int children = signalfd(-1, &child_signal, SFD_NONBLOCK | SFD_CLOEXEC);
  const int listening = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (children < 0 || listening < 0 || socket_path.size() >= sizeof address.sun_path) {
    std::cerr << "docnb-kernel: cannot serve on " << socket_path << "\n";
    return 1;
  }
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  unlink(socket_path.c_str());
  const mode_t before = umask(0077); // the socket is the client's alone, as its files are
  const int bound = bind(listening, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  umask(before);
  if (bound != 0 || listen(listening, 64) != 0) {
    std::cerr << "docnb-kernel: cannot listen on " << socket_path << ": " << std::strerror(errno)
              << "\n";
    return 1;
  }
  std::cout << "docnb-kernel: fork server ready on " << socket_path << std::endl;
  Server(listening, children, kernel_main).serve();
  return 0;
}

} // namespace docnb::kernel
