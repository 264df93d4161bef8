// Connection files: the five ports, the transport and the signing key of one kernel.
#pragma once

#include "support/result.hpp"

#include <array>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

namespace docnb {

enum class Channel { shell, iopub, stdin_, control, hb };
inline constexpr std::size_t channel_count = 5;

// The channel's name in the Jupyter protocol: "shell", "iopub", "stdin", "control", "hb".
[[nodiscard]] constexpr std::string_view channel_name(Channel channel) {
  constexpr std::array<std::string_view, channel_count> names = {"shell", "iopub", "stdin",
                                                                 "control", "hb"};
  return names.at(static_cast<std::size_t>(channel));
}

struct ConnectionInfo {
  std::string ip = "127.0.0.1";
  std::string transport = "tcp";
  std::array<int, channel_count> ports{}; // indexed by Channel
  std::string key;
  std::string signature_scheme = "hmac-sha256";
  std::string kernel_name;

  [[nodiscard]] int port(Channel channel) const {
    return ports.at(static_cast<std::size_t>(channel));
  }
  [[nodiscard]] std::string endpoint(Channel channel) const;
  [[nodiscard]] nlohmann::json to_json() const;
};

// Ports bound on 127.0.0.1 and held until the kernel is about to start, so no other process
// can be handed them by the OS meanwhile.
class PortReservation {
public:
  PortReservation() = default;
  PortReservation(PortReservation&& other) noexcept;
  PortReservation& operator=(PortReservation&& other) noexcept;
  PortReservation(const PortReservation&) = delete;
  PortReservation& operator=(const PortReservation&) = delete;
  ~PortReservation() { release(); }

  [[nodiscard]] const std::array<int, channel_count>& ports() const { return ports_; }
  void release();

private:
  friend class PortAllocator;
  std::array<int, channel_count> ports_{};
  std::array<int, channel_count> sockets_{-1, -1, -1, -1, -1};
};

// Hands out ports that no kernel started by this process has had: the OS may offer a port
// again as soon as it is closed, while the kernel it was meant for has not bound it yet.
class PortAllocator {
public:
  Result<PortReservation> reserve();

private:
  std::mutex mutex_;
  std::set<int> handed_out_;
};

// Writes the connection file with mode 0600 (created exclusively, never replaced).
Status write_connection_file(const ConnectionInfo& info, const std::filesystem::path& path);

} // namespace docnb
