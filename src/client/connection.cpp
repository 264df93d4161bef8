#include "client/connection.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace docnb {

std::string ConnectionInfo::endpoint(Channel channel) const {
  return transport + "://" + ip + ":" + std::to_string(port(channel));
}

nlohmann::json ConnectionInfo::to_json() const {
  return {{"ip", ip},
          {"transport", transport},
          {"shell_port", port(Channel::shell)},
          {"iopub_port", port(Channel::iopub)},
          {"stdin_port", port(Channel::stdin_)},
          {"control_port", port(Channel::control)},
          {"hb_port", port(Channel::hb)},
          {"key", key},
          {"signature_scheme", signature_scheme},
          {"kernel_name", kernel_name}};
}

PortReservation::PortReservation(PortReservation&& other) noexcept
    : ports_(other.ports_), sockets_(other.sockets_) {
  other.sockets_.fill(-1);
}

PortReservation& PortReservation::operator=(PortReservation&& other) noexcept {
  if (this != &other) {
    release();
    ports_ = other.ports_;
    sockets_ = other.sockets_;
    other.sockets_.fill(-1);
  }
  return *this;
}

void PortReservation::release() {
  for (int& socket : sockets_) {
    if (socket >= 0) close(socket);
    socket = -1;
  }
}

Result<PortReservation> PortAllocator::reserve() {
  PortReservation reservation;
  const std::lock_guard lock(mutex_);
  std::size_t filled = 0;
  // Bound but never listening: the port is ours until release, and a kernel can bind it
  // right after because nothing is connected to it.
  for (int attempt = 0; filled < channel_count && attempt < 1000; ++attempt) {
    const int socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (socket < 0) return Error{std::strerror(errno), "socket"};
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (bind(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      close(socket);
      return Error{std::strerror(errno), "bind 127.0.0.1"};
    }
    const int port = ntohs(address.sin_port);
    if (!handed_out_.insert(port).second) {
      close(socket);
      continue;
    }
    reservation.ports_.at(filled) = port;
    reservation.sockets_.at(filled) = socket;
    ++filled;
  }
  if (filled < channel_count) return Error{"no free ports on 127.0.0.1", ""};
  return reservation;
}

Status write_connection_file(const ConnectionInfo& info, const std::filesystem::path& path) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Error{std::strerror(errno), path.string()};
  const std::string text = info.to_json().dump(1) + "\n";
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      close(fd);
      return Error{std::strerror(saved), path.string()};
    }
    written += static_cast<std::size_t>(n);
  }
  close(fd);
  return Done{};
}

} // namespace docnb
