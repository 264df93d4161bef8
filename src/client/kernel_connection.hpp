// The client side of one running kernel's channels, wherever the kernel runs: on this machine
// over ZeroMQ (client/kernel_client.hpp), or on a Jupyter Server or Enterprise Gateway over
// its REST API and channels websocket (client/gateway_kernel.hpp). execute/ sees only this.
//
// Protocol only: requests go out, whatever arrives comes back. Timeouts, output assembly and
// checking live in execute/ and check/.
#pragma once

#include "client/connection.hpp"
#include "client/process.hpp"
#include "protocol/message.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

using Clock = std::chrono::steady_clock;

// What `next_event` saw first.
struct KernelEvent {
  enum class Kind { message, died, timeout, woken };
  Kind kind = Kind::timeout;
  Channel channel = Channel::shell;
  Message message;
  ExitStatus exit; // died: how the kernel's process ended, when it is ours
  std::string why; // died: what ended it, in words, when no exit status says it
};

class KernelConnection {
public:
  KernelConnection() = default;
  KernelConnection(const KernelConnection&) = delete;
  KernelConnection& operator=(const KernelConnection&) = delete;
  // Stops the kernel if it still runs: nothing a run started outlives it.
  virtual ~KernelConnection() = default;

  // Sends a request from this client; returns its msg_id.
  virtual std::string send_request(Channel channel, std::string_view msg_type, Json content) = 0;
  // Sends a reply (e.g. input_reply) to `parent`.
  virtual void send_reply(Channel channel, std::string_view msg_type, Json content,
                          const Json& parent) = 0;
  // Waits until a message arrives, the kernel dies, or `deadline`. Messages that fail
  // verification or decoding are dropped and counted, never returned. A readable `wake_fd`
  // (when >= 0: a run being stopped) ends the wait too, as a `woken` event.
  virtual KernelEvent next_event(Clock::time_point deadline, int wake_fd = -1) = 0;

  // Interrupts the running request, as the kernelspec's interrupt_mode says.
  virtual void interrupt() = 0;
  // One round trip that proves the kernel is alive and answering.
  virtual bool heartbeat(std::chrono::milliseconds timeout) = 0;
  // Asks the kernel to shut down, and makes sure it is gone within about `grace`.
  virtual void shutdown(std::chrono::milliseconds grace) = 0;
  // Ends the kernel at once.
  virtual void kill() = 0;

  // The kernel_info_reply content it answered at start-up.
  [[nodiscard]] virtual const Json& kernel_info() const = 0;
  // Its id, for messages: the process id of a local kernel, the server's kernel id of a remote.
  [[nodiscard]] virtual std::string kernel_id() const = 0;
  // Why received messages were dropped, oldest first.
  [[nodiscard]] virtual std::vector<std::string> dropped() const = 0;
};

} // namespace docnb
