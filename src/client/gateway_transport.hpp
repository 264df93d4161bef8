// What the gateway's HTTP requests and websockets share (client/gateway_http.cpp,
// client/gateway_websocket.cpp): the parsed URL, the TLS context, the request headers, and
// opening a connection with bounded retries. Boost.Beast over Boost.Asio, OpenSSL for TLS.
#pragma once

#include "client/gateway_settings.hpp"
#include "client/gateway_url.hpp"
#include "support/result.hpp"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <utility> // before Asio: its awaitable.hpp uses std::exchange without including it

namespace docnb::gateway_io {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

struct Transport {
  GatewaySettings settings;
  GatewayUrl url;
  mutable net::ssl::context tls{net::ssl::context::tls_client};
  // Set once a request has used up its retries without connecting; later ones then try once
  // (a gateway that went away fails every source quickly). Cleared by the next success.
  mutable std::atomic<bool> unreachable{false};

  Transport(GatewaySettings s, GatewayUrl u) : settings(std::move(s)), url(std::move(u)) {}

  // Authorization and the --gateway-header headers.
  template <class Fields> void add_headers(Fields& fields) const {
    if (!settings.token.empty()) fields.set(http::field::authorization, "token " + settings.token);
    for (const auto& [name, value] : settings.headers)
      fields.set(name, value);
  }
  // The Host header: the port only when it is not the scheme's default.
  [[nodiscard]] std::string host_header() const;
};

// Parses the URL, and sets up TLS: the system's CA store, the CA file, peer verification.
Result<std::shared_ptr<const Transport>> make_transport(const GatewaySettings& settings);

// Resolves and connects; with TLS, the handshake too (SNI and host name verified).
net::awaitable<beast::error_code> open_stream(beast::tcp_stream& stream,
                                              const Transport& transport);
net::awaitable<beast::error_code> open_stream(TlsStream& stream, const Transport& transport);

// Asks the kernel to acknowledge what arrives at once, until the next read. A server that
// writes with Nagle's algorithm on (tornado's websockets by default) holds each small message
// back until the previous one is acknowledged, and a delayed acknowledgement costs ~40 ms: per
// cell, as a cell's reply comes in several small messages.
void acknowledge_promptly(beast::tcp_stream& stream);

// Worth another try: the server could not be reached, or a proxy in front of it answered
// that it is unavailable. Not: a refused certificate, a refused token, a malformed reply.
bool is_connection_failure(const beast::error_code& error);
bool is_unavailable_status(unsigned status);

// How many tries a request gets now (1 while the gateway is known to be unreachable), and the
// wait before try `k` (k >= 1).
int attempts_allowed(const Transport& transport);
std::chrono::milliseconds backoff_before(const Transport& transport, int k);

// "cannot reach the gateway at URL: Connection refused (5 attempts in 3.1 s)".
std::string unreachable_message(const Transport& transport, const std::string& why, int attempts,
                                std::chrono::steady_clock::duration spent);

// Runs `task` on `context` to its end, on this thread.
void run_to_completion(net::io_context& context, net::awaitable<void> task);

} // namespace docnb::gateway_io
