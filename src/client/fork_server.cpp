#include "client/fork_server.hpp"

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <random>
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

} // namespace

bool ForkServer::offered_by(const KernelSpec& spec) {
  const auto docnb = spec.metadata.find("docnb");
  return docnb != spec.metadata.end() && docnb->is_object() && docnb->value("fork_server", false);
}

Result<ForkServer> ForkServer::start(const KernelSpec& spec, const std::string& program,
                                     const std::map<std::string, std::string>& env,
                                     const fs::path& runtime_dir, const std::string& preload,
                                     std::chrono::milliseconds timeout) {
  const fs::path socket_path = runtime_dir / ("fork-" + random_name() + ".sock");
  ProcessSpec server;
  server.argv = {program, "--fork-server", socket_path.string()};
  if (!preload.empty()) {
    server.argv.emplace_back("--preload");
    server.argv.push_back(preload);
  }
  server.env = env;
  for (const auto& [key, value] : spec.env)
    server.env[key] = value;
  server.output_log = runtime_dir / ("fork-" + spec.name + ".log");
  Result<ChildProcess> process = ChildProcess::spawn(server);
  if (!process) return process.error();
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (const int fd = connect_to(socket_path); fd >= 0) {
      close(fd); // listening: ready
      return ForkServer(std::move(process).value(), socket_path);
    }
    if (const std::optional<ExitStatus> exited = process->poll()) {
      return Error{"the fork server exited (" + exited->describe() + ")", spec.name};
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return Error{"the fork server did not start in time", spec.name};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

Result<ChildProcess> ForkServer::fork_kernel(const ProcessSpec& kernel) const {
  const int fd = connect_to(socket_);
  if (fd < 0) return Error{std::string("cannot connect: ") + std::strerror(errno), "fork server"};
  Json request{{"argv", Json::array()},
               {"cwd", kernel.cwd.string()},
               {"env", kernel.env},
               {"log", kernel.output_log.empty() ? "/dev/null" : kernel.output_log.string()}};
  for (std::size_t i = 1; i < kernel.argv.size(); ++i)
    request["argv"].push_back(kernel.argv[i]);
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
