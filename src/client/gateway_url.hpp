// The address of a Jupyter Server or Enterprise Gateway: scheme, host, port and base path.
#pragma once

#include "support/result.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace docnb {

struct GatewayUrl {
  bool tls = false;
  std::string host; // without IPv6 brackets
  std::string port; // always set: the scheme's default when the URL has none
  std::string base; // the server's base_url, without a trailing '/': "" or "/jupyter"

  // `path` below the base ("/api/kernels") as an HTTP request target.
  [[nodiscard]] std::string target(std::string_view path) const { return base + std::string(path); }
  // http(s)://host:port/base, for messages.
  [[nodiscard]] std::string describe() const;
};

// Parses an http:// or https:// URL (ws:// and wss:// name the same server). The websocket
// carries no signatures, so plain http is refused for a host other than this machine unless
// `insecure` allows it.
Result<GatewayUrl> parse_gateway_url(std::string_view url, bool insecure);

// localhost, 127.0.0.0/8 and ::1: traffic that never leaves this machine.
bool is_loopback_host(std::string_view host);

// A --gateway-header value, "NAME:VALUE" (spaces around VALUE dropped), as name and value.
Result<std::pair<std::string, std::string>> parse_header_option(std::string_view option);

} // namespace docnb
