// One Jupyter kernel running on this machine, and the client side of its five ZeroMQ channels.
//
// Protocol only: this class sends requests and hands back whatever arrives, verified.
// Timeouts, output assembly and checking live in execute/ and check/.
#pragma once

#include "client/connection.hpp"
#include "client/kernel_connection.hpp"
#include "client/kernel_launch.hpp"
#include "client/process.hpp"
#include "protocol/message.hpp"
#include "support/result.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <zmq.hpp>

namespace docnb {

// State shared by every kernel a run starts.
struct KernelHost {
  zmq::context_t context;
  PortAllocator ports;
};

class KernelClient final : public KernelConnection {
public:
  // Starts the kernel and returns once it is ready: kernel_info_reply received and iopub
  // proven connected.
  static Result<std::unique_ptr<KernelClient>> start(const KernelLaunch& launch, KernelHost& host);

  ~KernelClient() override;

  // Sends a request from this client; returns its msg_id. A kernel that takes nothing on the
  // channel within the send timeout is killed: the next event reports its death, and why.
  std::string send_request(Channel channel, std::string_view msg_type, Json content) override;
  // Sends a reply (e.g. input_reply) to `parent`, as send_request sends.
  void send_reply(Channel channel, std::string_view msg_type, Json content,
                  const Json& parent) override;

  // Waits, on all channels and on the process itself, until something happens or `deadline`.
  // Messages that fail verification are dropped and counted, never returned.
  KernelEvent next_event(Clock::time_point deadline, int wake_fd = -1) override;

  // SIGINT to the process group, or interrupt_request on control, per the kernelspec.
  void interrupt() override;
  // The process still runs, and one heartbeat round trip.
  bool heartbeat(std::chrono::milliseconds timeout) override;
  // shutdown_request, then SIGTERM, then SIGKILL, all within `grace`; always reaps (exited()
  // then says how it ended).
  void shutdown(std::chrono::milliseconds grace) override;
  // Kills the process group at once, and reaps.
  void kill() override;
  std::optional<ExitStatus> exited() { return process_.poll(); }

  [[nodiscard]] const KernelSpec& spec() const { return spec_; }
  [[nodiscard]] const Json& kernel_info() const override { return kernel_info_; }
  [[nodiscard]] std::string kernel_id() const override { return std::to_string(pid()); }
  [[nodiscard]] pid_t pid() const { return process_.pid(); }
  // Why received messages were dropped (forged, unsigned, truncated), oldest first.
  [[nodiscard]] std::vector<std::string> dropped() const override { return dropped_; }
  // The last lines the kernel wrote to its stdout and stderr.
  [[nodiscard]] std::string output_tail(std::size_t max_bytes = 2000) const;

private:
  KernelClient(KernelSpec spec, ConnectionInfo info, ChildProcess process, KernelHost& host,
               std::filesystem::path connection_file, std::filesystem::path log_file);
  Status wait_until_ready(Clock::time_point deadline);
  void send_or_give_up(Channel channel, const Message& message);
  // One message waiting on `channel`, verified; nullopt when none is, or it was dropped.
  std::optional<KernelEvent> receive(Channel channel);
  zmq::socket_t& socket(Channel channel);

  KernelSpec spec_;
  ConnectionInfo info_;
  Signer signer_;
  std::string session_;
  ChildProcess process_;
  std::filesystem::path connection_file_;
  std::filesystem::path log_file_;
  zmq::socket_t shell_;
  zmq::socket_t iopub_;
  zmq::socket_t stdin_;
  zmq::socket_t control_;
  zmq::socket_t hb_;
  Json kernel_info_;
  std::vector<std::string> dropped_;
  std::string unreachable_; // why the kernel was killed for not taking a message
};

} // namespace docnb
