#include "client/fork_server.hpp"

#include "client/ipykernel_zygote_source.hpp"
#include "support/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <random>
#include <sstream>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

namespace docnb {
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

// A connected socket to the server, or -1.
int connect_to(const fs::path& socket_path) {
  const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

Status send_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t wrote = send(fd, text.data() + done, text.size() - done, MSG_NOSIGNAL);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return Error{std::strerror(errno), "fork server"};
    done += static_cast<std::size_t>(wrote);
  }
  return Done{};
}

// The server's answer to a request: one line, byte by byte so that nothing after it (the
// exit report, much later) is consumed.
Result<Json> read_answer(int fd, std::chrono::milliseconds timeout) {
  std::string line;
  pollfd entry{fd, POLLIN, 0};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || ::poll(&entry, 1, static_cast<int>(left.count())) <= 0) {
      return Error{"no answer", "fork server"};
    }
    char c = 0;
    const ssize_t got = read(fd, &c, 1);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return Error{"the connection closed", "fork server"};
    if (c == '\n') break;
    line += c;
  }
  Json answer = Json::parse(line, nullptr, false);
  if (!answer.is_object()) return Error{"not a JSON answer: " + line, "fork server"};
  return answer;
}

std::string random_name() {
  std::random_device device;
  return std::to_string(device()) + std::to_string(device());
}

// The server's command line up to its own options: docnb-kernel itself, or the kernelspec's
// interpreter (and its options) running the zygote, written into the runtime folder.
Result<std::vector<std::string>> server_program(const KernelSpec& spec, ForkKind kind,
                                                const std::string& python_executable,
                                                const fs::path& zygote_file) {
  if (kind == ForkKind::docnb_kernel)
    return std::vector{resolve_program(spec.argv[0], python_executable)};
  std::optional<IpykernelCommand> command = ipykernel_command(spec.argv);
  if (!command) return Error{"not a kernelspec docnb can fork", spec.name};
  if (Status written = write_file_atomically(zygote_file, ipykernel_zygote_source()); !written) {
    return written.error();
  }
  std::vector<std::string> program = std::move(command->interpreter);
  program[0] = resolve_program(program[0], python_executable);
  program.push_back(zygote_file.string());
  return program;
}

// The lines a server wrote to its log as warnings for the user ("warning: TEXT"), and its last
// line (what a server that failed to start said last).
struct ServerLog {
  std::vector<std::string> warnings;
  std::string last_line;
};

ServerLog read_server_log(const fs::path& log) {
  ServerLog read;
  const Result<std::string> text = read_file_bytes(log);
  if (!text) return read;
  std::istringstream lines(*text);
  constexpr std::string_view prefix = "warning: ";
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(prefix)) read.warnings.push_back(line.substr(prefix.size()));
    if (!line.empty()) read.last_line = line;
  }
  return read;
}

} // namespace

Result<ForkServer> ForkServer::start(const KernelSpec& spec, const std::string& python_executable,
                                     const std::map<std::string, std::string>& env,
                                     const fs::path& runtime_dir, const ForkPreload& preload,
                                     std::chrono::milliseconds timeout) {
  const ForkKind kind = fork_kind(spec);
  const std::string name = "fork-" + random_name();
  const fs::path socket_path = runtime_dir / (name + ".sock");
  Result<std::vector<std::string>> program =
      server_program(spec, kind, python_executable, runtime_dir / (name + ".py"));
  if (!program) return program.error();
  ProcessSpec server;
  server.argv = std::move(program).value();
  server.argv.insert(server.argv.end(), {"--fork-server", socket_path.string()});
  if (!preload.code.empty()) server.argv.insert(server.argv.end(), {"--preload", preload.code});
  if (!preload.modules.empty()) {
    std::string modules;
    for (const std::string& module : preload.modules)
      modules += (modules.empty() ? "" : ",") + module;
    server.argv.insert(server.argv.end(), {"--preload-modules", modules});
  }
  server.env = env;
  for (const auto& [key, value] : spec.env)
    server.env[key] = value;
  server.output_log = runtime_dir / (name + ".log");
  Result<ChildProcess> process = ChildProcess::spawn(server);
  if (!process) return process.error();
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (const int fd = connect_to(socket_path); fd >= 0) {
      close(fd); // listening: ready, and done writing what it had to say before
      return ForkServer(std::move(process).value(), socket_path, kind,
                        read_server_log(server.output_log).warnings);
    }
    if (const std::optional<ExitStatus> exited = process->poll()) {
      const std::string said = read_server_log(server.output_log).last_line;
      return Error{"the fork server exited (" + exited->describe() + ")" +
                       (said.empty() ? "" : ": " + said),
                   spec.name};
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return Error{"the fork server did not start in time", spec.name};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

bool ForkServer::accepting() const {
  const int fd = connect_to(socket_);
  if (fd < 0) return false;
  close(fd); // a connection without a request: the server drops it
  return true;
}

Result<ChildProcess> ForkServer::fork_kernel(const ProcessSpec& kernel) const {
  const int fd = connect_to(socket_);
  if (fd < 0) return Error{std::string("cannot connect: ") + std::strerror(errno), "fork server"};
  std::vector<std::string> argv(kernel.argv.begin() + (kernel.argv.empty() ? 0 : 1),
                                kernel.argv.end());
  if (kind_ == ForkKind::ipykernel) {
    // The zygote runs the module after the first "-m": the spellings -mMODULE and -Em are
    // told apart here, once.
    if (std::optional<IpykernelCommand> command = ipykernel_command(kernel.argv)) {
      argv.assign(command->interpreter.begin() + 1, command->interpreter.end());
      argv.insert(argv.end(), {"-m", command->module});
      argv.insert(argv.end(), command->arguments.begin(), command->arguments.end());
    }
  }
  Json request{{"argv", argv},
               {"cwd", kernel.cwd.string()},
               {"env", kernel.env},
               {"log", kernel.output_log.empty() ? "/dev/null" : kernel.output_log.string()}};
  if (Status sent = send_all(fd, request.dump() + "\n"); !sent) {
    close(fd);
    return sent.error();
  }
  Result<Json> answer = read_answer(fd, std::chrono::milliseconds(10'000));
  if (!answer || !answer->contains("pid")) {
    close(fd);
    return Error{answer ? answer->value("error", "no pid") : answer.error().message, "fork server"};
  }
  return ChildProcess::adopt(answer->value("pid", -1), fd);
}

} // namespace docnb
