// A kernel running on a Jupyter Server or Enterprise Gateway: started and deleted through its
// REST API, spoken to over its channels websocket.
//
// The websocket has no heartbeat channel and the kernel's process is not ours, so death is
// seen in other ways: the server's own `status: restarting` / `dead` messages, the websocket
// closing, a control-channel kernel_info_request now and then while waiting (a reply from
// another kernel session means the kernel was restarted behind our back), and the kernel's
// REST model when the kernel stops answering those.
#pragma once

#include "client/gateway_client.hpp"
#include "client/gateway_websocket.hpp"
#include "client/kernel_connection.hpp"
#include "client/kernel_launch.hpp"

#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace docnb {

class GatewayKernel final : public KernelConnection {
public:
  // Starts a kernel of `launch.spec` on `launch.gateway`, connects its channels and returns
  // once it answered kernel_info_request over them (within launch.startup_timeout).
  static Result<std::unique_ptr<GatewayKernel>> start(const KernelLaunch& launch);

  // Closes the websocket and deletes the kernel on the server, unless that was done already.
  ~GatewayKernel() override;

  // The kernel's life goes through the server's REST API, not through signals.
  // POST /api/kernels/{id}/interrupt: the server interrupts as the kernelspec says.
  void interrupt() override;
  // kernel_info_request on control, answered by the same kernel session.
  bool heartbeat(std::chrono::milliseconds timeout) override;
  // DELETE /api/kernels/{id}: the server asks the kernel to shut down, then kills it.
  void shutdown(std::chrono::milliseconds grace) override;
  void kill() override;

  // Messages travel over the one channels websocket.
  std::string send_request(Channel channel, std::string_view msg_type, Json content) override;
  void send_reply(Channel channel, std::string_view msg_type, Json content,
                  const Json& parent) override;
  KernelEvent next_event(Clock::time_point deadline, int wake_fd = -1) override;

  [[nodiscard]] const Json& kernel_info() const override { return kernel_info_; }
  [[nodiscard]] std::string kernel_id() const override { return id_; }
  [[nodiscard]] std::vector<std::string> dropped() const override { return dropped_; }
  [[nodiscard]] Framing framing() const { return channels_->framing(); }

private:
  GatewayKernel(const GatewayClient& gateway, std::string id)
      : gateway_(gateway), id_(std::move(id)) {}
  Status connect(Clock::time_point deadline);
  // What a received message says about the kernel: why it is gone, if it is.
  std::optional<std::string> death_in(const ChannelMessage& message) const;
  // Our own liveness traffic, consumed here.
  bool is_probe_traffic(const ChannelMessage& message);
  // Does the bookkeeping for what the websocket gave: the message to deliver, if it is one.
  std::optional<ChannelMessage> take(GatewayWebSocket::Received received);
  void probe();
  void delete_once();

  const GatewayClient& gateway_;
  std::string id_;
  std::string session_ = new_uuid();
  std::unique_ptr<GatewayWebSocket> channels_;
  std::string kernel_session_; // header.session of the kernel process we started
  Json kernel_info_ = Json::object();
  std::vector<std::string> dropped_;
  std::deque<ChannelMessage> held_; // received while heartbeat waited, delivered next
  std::optional<std::string> lost_; // why the kernel is gone
  std::set<std::string> probes_;    // kernel_info_requests on control not answered yet
  Clock::time_point next_probe_ = Clock::time_point::max();
  Clock::time_point oldest_unanswered_ = Clock::time_point::max();
  bool deleted_ = false;
};

} // namespace docnb
