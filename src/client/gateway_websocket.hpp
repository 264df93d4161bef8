// The channels websocket of one kernel on a Jupyter Server or Enterprise Gateway
// (/api/kernels/{id}/channels): shell, iopub, stdin and control messages, in the framing the
// server selected (client/gateway_framing.hpp). It offers the v1 subprotocol and falls back to
// JSON frames when the server does not select it.
//
// The connection runs on a thread of its own, so that it answers the server's pings and takes
// in output while its owner is busy elsewhere; received frames wait in order until read.
#pragma once

#include "client/gateway_framing.hpp"
#include "client/gateway_http.hpp"
#include "client/kernel_connection.hpp"

#include <memory>
#include <string>

namespace docnb {

class GatewayWebSocket {
public:
  struct Received {
    enum class Kind { message, undecodable, closed, timeout, woken };
    Kind kind = Kind::timeout;
    ChannelMessage message;
    std::string why; // undecodable: what is wrong with the frame; closed: how it ended
  };

  // Connects to `path` below the server's base URL (query included), retrying a failure to
  // connect as requests do. The server answers the upgrade once the kernel answered it, so the
  // handshake may take as long as a kernel's start. `offer_v1` false asks for JSON frames only.
  static Result<std::unique_ptr<GatewayWebSocket>>
  open(const GatewayHttp& http, const std::string& path,
       std::chrono::milliseconds handshake_timeout = std::chrono::seconds(60),
       bool offer_v1 = true);
  GatewayWebSocket(const GatewayWebSocket&) = delete;
  GatewayWebSocket& operator=(const GatewayWebSocket&) = delete;
  // Closes the websocket (waiting briefly for the server's answer) and joins its thread.
  ~GatewayWebSocket();

  [[nodiscard]] Framing framing() const;
  // Queues the message; messages go out in the order they were sent. A message sent after the
  // connection closed is lost, and `receive` says it closed.
  void send(const ChannelMessage& message);
  // The next message received, or how the connection ended, or nothing by `deadline`; `woken`
  // as soon as `wake_fd` (when >= 0) is readable.
  Received receive(Clock::time_point deadline, int wake_fd = -1);

  struct Impl;

private:
  explicit GatewayWebSocket(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

} // namespace docnb
