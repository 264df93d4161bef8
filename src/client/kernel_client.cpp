#include "client/kernel_client.hpp"

#include <fstream>
#include <iterator>
#include <signal.h>
#include <zmq_addon.hpp>

namespace docnb {
namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace {

constexpr int start_attempts = 3;
// How long to wait for iopub before asking for kernel_info again: a 5.3 kernel has no
// iopub_welcome, so a status message for a resent request is the proof iopub is connected.
// Soon at first (a forked kernel is up within milliseconds), then less and less often.
constexpr milliseconds first_kernel_info_resend{10};
constexpr milliseconds kernel_info_resend{250};
// A client connects before the kernel binds: ZeroMQ retries after this (its default, 100 ms,
// would be most of a forked kernel's start).
constexpr int reconnect_interval_ms = 5;
// How long a started kernel's heartbeat is waited for before its log is read for why not.
constexpr milliseconds heartbeat_probe{500};
// What a kernel (ipykernel, through ZeroMQ) says when a port it was given is taken.
constexpr std::string_view port_taken = "Address already in use";
// No socket operation blocks for ever. A send only waits when the channel has no connection
// to queue on (a connection whose handshake failed is never retried by ZeroMQ): a kernel that
// takes nothing for this long on a channel is not reachable there. Receives never block (they
// follow a poll), but carry a bound all the same.
constexpr int send_timeout_ms = 10'000;
constexpr int receive_timeout_ms = 10'000;

std::vector<std::string> kernel_command(const KernelLaunch& launch,
                                        const fs::path& connection_file) {
  std::vector<std::string> argv;
  for (std::string arg : launch.spec.argv) {
    const auto substitute = [&arg](std::string_view key, const std::string& value) {
      for (std::size_t at = arg.find(key); at != std::string::npos; at = arg.find(key, at)) {
        arg.replace(at, key.size(), value);
        at += value.size();
      }
    };
    substitute("{connection_file}", connection_file.string());
    substitute("{resource_dir}", launch.spec.directory.string());
    substitute("{prefix}", "/usr");
    argv.push_back(std::move(arg));
  }
  argv[0] = resolve_program(argv[0], launch.python_executable);
  argv.insert(argv.end(), launch.extra_arguments.begin(), launch.extra_arguments.end());
  return argv;
}

milliseconds until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
  return std::max(left, milliseconds(0));
}

// False when the socket's send timeout passed before the message could be queued. The parts
// of a message go together: once the first is queued, the others are too.
bool send_frames(zmq::socket_t& socket, const std::vector<std::string>& frames) {
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const auto flags = i + 1 < frames.size() ? zmq::send_flags::sndmore : zmq::send_flags::none;
    if (!socket.send(zmq::buffer(frames[i]), flags)) return false;
  }
  return true;
}

// A client socket that never blocks on close, nor for ever on a send or receive; `configure`
// sets what must precede connect.
template <class Configure>
zmq::socket_t make_socket(zmq::context_t& context, zmq::socket_type type,
                          const std::string& endpoint, Configure configure) {
  zmq::socket_t socket(context, type);
  socket.set(zmq::sockopt::linger, 0);
  socket.set(zmq::sockopt::sndtimeo, send_timeout_ms);
  socket.set(zmq::sockopt::rcvtimeo, receive_timeout_ms);
  socket.set(zmq::sockopt::reconnect_ivl, reconnect_interval_ms);
  configure(socket);
  socket.connect(endpoint);
  return socket;
}

} // namespace

KernelClient::KernelClient(KernelSpec spec, ConnectionInfo info, ChildProcess process,
                           KernelHost& host, fs::path connection_file, fs::path log_file)
    : spec_(std::move(spec)), info_(std::move(info)), signer_(info_.key), session_(new_uuid()),
      process_(std::move(process)), connection_file_(std::move(connection_file)),
      log_file_(std::move(log_file)) {
  zmq::context_t& context = host.context;
  // shell and stdin share one identity, so the kernel can send input_request to us.
  const std::string identity = new_uuid();
  const auto with_identity = [&identity](zmq::socket_t& s) {
    s.set(zmq::sockopt::routing_id, identity);
  };
  shell_ =
      make_socket(context, zmq::socket_type::dealer, info_.endpoint(Channel::shell), with_identity);
  stdin_ = make_socket(context, zmq::socket_type::dealer, info_.endpoint(Channel::stdin_),
                       with_identity);
  iopub_ = make_socket(context, zmq::socket_type::sub, info_.endpoint(Channel::iopub),
                       [](zmq::socket_t& s) { s.set(zmq::sockopt::subscribe, ""); });
  // A request queued for a control channel that is not connected would go nowhere (an interrupt
  // or a shutdown must reach the kernel now or be replaced by a signal): sends wait for a
  // connection, within the send timeout.
  control_ = make_socket(context, zmq::socket_type::dealer, info_.endpoint(Channel::control),
                         [](zmq::socket_t& s) { s.set(zmq::sockopt::immediate, 1); });
  // A lost echo must not wedge the REQ socket.
  hb_ = make_socket(context, zmq::socket_type::req, info_.endpoint(Channel::hb),
                    [](zmq::socket_t& s) {
                      s.set(zmq::sockopt::req_relaxed, 1);
                      s.set(zmq::sockopt::req_correlate, 1);
                    });
}

KernelClient::~KernelClient() {
  process_.terminate(milliseconds(500));
  std::error_code ignored;
  fs::remove(connection_file_, ignored);
  fs::remove(log_file_, ignored);
}

Result<std::unique_ptr<KernelClient>> KernelClient::start(const KernelLaunch& launch,
                                                          KernelHost& host) {
  Error last{"kernel did not start", launch.spec.name};
  for (int attempt = 0; attempt < start_attempts; ++attempt) {
    Result<PortReservation> reservation = host.ports.reserve();
    if (!reservation) return reservation.error();
    ConnectionInfo info;
    info.ports = reservation->ports();
    info.key = random_key_hex();
    info.kernel_name = launch.spec.name;
    const std::string id = new_uuid();
    const fs::path connection_file = launch.runtime_dir / ("kernel-" + id + ".json");
    const fs::path log_file = launch.runtime_dir / ("kernel-" + id + ".log");
    if (Status written = write_connection_file(info, connection_file); !written) {
      return written.error();
    }

    ProcessSpec process;
    process.argv = kernel_command(launch, connection_file);
    process.env = launch.environment;
    for (const auto& [key, value] : launch.spec.env)
      process.env[key] = value;
    process.cwd = launch.cwd;
    process.output_log = log_file;
    // The kernel binds these ports itself: let go of them at the last moment.
    reservation->release();
    Result<ChildProcess> child = launch.fork_server != nullptr
                                     ? launch.fork_server->fork_kernel(process)
                                     : Result<ChildProcess>(Error{"no fork server", ""});
    if (!child) child = ChildProcess::spawn(process);
    if (!child) {
      std::error_code ignored;
      fs::remove(connection_file, ignored);
      return Error{child.error().message, "kernel " + launch.spec.name};
    }
    std::unique_ptr<KernelClient> client(new KernelClient(
        launch.spec, std::move(info), std::move(child).value(), host, connection_file, log_file));
    const Status ready = client->wait_until_ready(Clock::now() + launch.startup_timeout);
    if (ready) return client;
    last = ready.error();
    // Another process may have bound one of our ports between release and the kernel's
    // bind; that kernel dies at once, and a fresh set of ports is the cure.
    if (client->output_tail().find(port_taken) == std::string::npos) break;
  }
  return last;
}

Status KernelClient::wait_until_ready(Clock::time_point deadline) {
  std::vector<std::string> requests;
  bool replied = false;
  bool iopub_connected = false;
  Clock::time_point resend_at = Clock::now();
  milliseconds resend_after = first_kernel_info_resend;
  while (!(replied && iopub_connected)) {
    if (Clock::now() >= deadline) {
      return Error{"kernel did not become ready within the startup timeout", spec_.name};
    }
    if (Clock::now() >= resend_at) {
      requests.push_back(send_request(Channel::shell, "kernel_info_request", Json::object()));
      resend_at = Clock::now() + resend_after;
      // Once the kernel has replied it is up, and only iopub's subscription is awaited: the
      // status of a request sent after it arrives reaches us, so ask again soon.
      resend_after =
          replied ? first_kernel_info_resend : std::min(resend_after * 2, kernel_info_resend);
    }
    KernelEvent event = next_event(std::min(deadline, resend_at));
    if (event.kind == KernelEvent::Kind::died) {
      std::string tail = output_tail(600);
      return Error{"kernel exited during start-up (" + event.exit.describe() + ")" +
                       (tail.empty() ? "" : ":\n" + tail),
                   spec_.name};
    }
    if (event.kind != KernelEvent::Kind::message) continue;
    const std::string parent = event.message.parent_msg_id();
    if (std::find(requests.begin(), requests.end(), parent) == requests.end()) continue;
    if (event.channel == Channel::shell && event.message.msg_type() == "kernel_info_reply") {
      replied = true;
      kernel_info_ = event.message.content;
      resend_at = std::min(resend_at, Clock::now() + first_kernel_info_resend);
    } else if (event.channel == Channel::iopub) {
      iopub_connected = true;
    }
  }
  // The heartbeat channel is the one that tells a wedged kernel from a busy one; a kernel
  // whose heartbeat is dead from the start is not worth running cells in. ipykernel binds it
  // on a thread of its own, which dies alone when the port was taken in the meantime: that
  // kernel is given up as soon as it says so (start() tries fresh ports), not at the deadline.
  while (!heartbeat(std::min(heartbeat_probe, until(deadline)))) {
    if (Clock::now() >= deadline || output_tail().find(port_taken) != std::string::npos) {
      return Error{"kernel does not answer on its heartbeat channel", spec_.name};
    }
  }
  return Done{};
}

zmq::socket_t& KernelClient::socket(Channel channel) {
  switch (channel) {
  case Channel::shell:
    return shell_;
  case Channel::iopub:
    return iopub_;
  case Channel::stdin_:
    return stdin_;
  case Channel::control:
    return control_;
  case Channel::hb:
    return hb_;
  }
  return shell_;
}

std::string KernelClient::send_request(Channel channel, std::string_view msg_type, Json content) {
  Message message = make_request(msg_type, std::move(content), session_);
  std::string id = message.msg_id();
  send_or_give_up(channel, message);
  return id;
}

void KernelClient::send_reply(Channel channel, std::string_view msg_type, Json content,
                              const Json& parent) {
  Message message = make_request(msg_type, std::move(content), session_);
  message.parent_header = parent;
  send_or_give_up(channel, message);
}

void KernelClient::send_or_give_up(Channel channel, const Message& message) {
  if (send_frames(socket(channel), to_frames(message, signer_))) return;
  // Nothing would ever answer what was not sent: the kernel is ended, and the next event
  // reports its end with this reason.
  if (unreachable_.empty()) {
    unreachable_ = "the kernel took no " + message.msg_type() + " on " +
                   std::string(channel_name(channel)) + " within " +
                   std::to_string(send_timeout_ms / 1000) + " s and was killed";
  }
  process_.signal_group(SIGKILL);
}

KernelEvent KernelClient::next_event(Clock::time_point deadline, int wake_fd) {
  constexpr std::array<Channel, 4> channels = {Channel::control, Channel::shell, Channel::stdin_,
                                               Channel::iopub};
  while (true) {
    std::array<zmq::pollitem_t, 6> items{};
    for (std::size_t i = 0; i < channels.size(); ++i) {
      items.at(i) = {socket(channels.at(i)).handle(), 0, ZMQ_POLLIN, 0};
    }
    std::size_t count = channels.size();
    const std::size_t exit_item = process_.exit_fd() >= 0 ? count++ : items.size();
    if (exit_item < items.size())
      items.at(exit_item) = {nullptr, process_.exit_fd(), ZMQ_POLLIN, 0};
    const std::size_t wake_item = wake_fd >= 0 ? count++ : items.size();
    if (wake_item < items.size()) items.at(wake_item) = {nullptr, wake_fd, ZMQ_POLLIN, 0};
    zmq::poll(items.data(), count, until(deadline));

    for (std::size_t i = 0; i < channels.size(); ++i) {
      if ((items.at(i).revents & ZMQ_POLLIN) == 0) continue;
      std::optional<KernelEvent> event = receive(channels.at(i));
      if (event) return std::move(*event);
    }
    // Messages first: a kernel that printed and then died has its output delivered.
    if (std::optional<ExitStatus> status = process_.poll()) {
      return {KernelEvent::Kind::died, Channel::shell, {}, *status, unreachable_};
    }
    if (wake_item < items.size() && (items.at(wake_item).revents & ZMQ_POLLIN) != 0) {
      return {KernelEvent::Kind::woken, Channel::shell, {}, {}, {}};
    }
    if (Clock::now() >= deadline) return {};
    if (exit_item == items.size()) {
      // No pidfd: wake up now and then to notice a death.
      deadline = std::min(deadline, Clock::now() + milliseconds(100));
    }
  }
}

std::optional<KernelEvent> KernelClient::receive(Channel channel) {
  std::vector<zmq::message_t> parts;
  if (!zmq::recv_multipart(socket(channel), std::back_inserter(parts), zmq::recv_flags::dontwait)) {
    return std::nullopt;
  }
  // Parsed where ZeroMQ received them: a large frame is not copied first.
  std::vector<std::string_view> frames;
  frames.reserve(parts.size());
  for (const zmq::message_t& part : parts)
    frames.emplace_back(static_cast<const char*>(part.data()), part.size());
  Result<Message> message = from_frames(std::span<const std::string_view>(frames), signer_);
  if (!message) {
    dropped_.push_back(message.error().message);
    return std::nullopt;
  }
  return KernelEvent{KernelEvent::Kind::message, channel, std::move(message).value(), {}, {}};
}

void KernelClient::interrupt() {
  if (spec_.interrupt_mode == "message") {
    send_request(Channel::control, "interrupt_request", Json::object());
  } else {
    process_.signal_group(SIGINT);
  }
}

bool KernelClient::heartbeat(milliseconds timeout) {
  if (exited()) return false;
  const std::string ping = new_uuid();
  hb_.send(zmq::buffer(ping), zmq::send_flags::dontwait);
  zmq::pollitem_t item{hb_.handle(), 0, ZMQ_POLLIN, 0};
  const Clock::time_point deadline = Clock::now() + timeout;
  while (zmq::poll(&item, 1, until(deadline)) > 0) {
    zmq::message_t echo;
    if (hb_.recv(echo, zmq::recv_flags::dontwait) && echo.to_string() == ping) return true;
    if (Clock::now() >= deadline) break;
  }
  return false;
}

void KernelClient::shutdown(milliseconds grace) {
  if (process_.poll()) return;
  // Three quarters of the grace for the kernel to end itself (ipykernel's shutdown takes a
  // while on a busy machine), the rest for SIGTERM; then SIGKILL.
  const Clock::time_point deadline = Clock::now() + grace;
  const Clock::time_point terminate_at = Clock::now() + grace * 3 / 4;
  control_.set(zmq::sockopt::sndtimeo, static_cast<int>(until(terminate_at).count()));
  const Message request = make_request("shutdown_request", {{"restart", false}}, session_);
  if (send_frames(control_, to_frames(request, signer_))) {
    if (process_.wait_for(until(terminate_at))) return;
  }
  process_.terminate(until(deadline));
}

void KernelClient::kill() {
  process_.signal_group(SIGKILL);
  process_.terminate(milliseconds(0));
}

std::string KernelClient::output_tail(std::size_t max_bytes) const {
  std::ifstream in(log_file_, std::ios::binary);
  if (!in) return {};
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > max_bytes) text = text.substr(text.size() - max_bytes);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  return text;
}

} // namespace docnb
