// How to reach a Jupyter Server or Enterprise Gateway whose kernels a run uses, as the command
// line gave it (cli/ builds it; client/gateway_client.hpp talks to the server).
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace docnb {

struct GatewaySettings {
  std::string url;   // http(s)://host:port[/base]; empty: kernels run on this machine
  std::string token; // sent as `Authorization: token …`; empty: none
  std::vector<std::pair<std::string, std::string>> headers; // extra request headers, in order
  std::filesystem::path ca_file; // certificates trusted besides the system's store
  bool insecure = false;         // allow plain http:// to a host other than this machine
  // Where docnb's current directory is on the gateway's side: a source's kernel runs in the
  // matching folder (`path` of POST /api/kernels and KERNEL_WORKING_DIR). Unset: the gateway's
  // own choice.
  std::optional<std::string> cwd;
  std::filesystem::path local_root; // docnb's current directory, which `cwd` stands for
  // A request that cannot connect is tried this many times, waiting `first_backoff`, then
  // twice as long each time.
  int connect_attempts = 5;
  std::chrono::milliseconds first_backoff{200};
  std::chrono::milliseconds request_timeout{60'000}; // one HTTP exchange, start-up included

  [[nodiscard]] bool enabled() const { return !url.empty(); }
};

} // namespace docnb
