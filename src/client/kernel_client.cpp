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
  if (argv[0] == "python" || argv[0] == "python3" || argv[0] == "python3.11") {
    argv[0] = launch.python_executable;
  }
  argv.insert(argv.end(), launch.extra_arguments.begin(), launch.extra_arguments.end());
  return argv;
}

milliseconds until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
  return std::max(left, milliseconds(0));
}

void send_frames(zmq::socket_t& socket, const std::vector<std::string>& frames) {
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const auto flags = i + 1 < frames.size() ? zmq::send_flags::sndmore : zmq::send_flags::none;
    socket.send(zmq::buffer(frames[i]), flags);
  }
}

// A client socket that never blocks on close; `configure` sets what must precede connect.
template <class Configure>
zmq::socket_t make_socket(zmq::context_t& context, zmq::socket_type type,
                          const std::string& endpoint, Configure configure) {
  zmq::socket_t socket(context, type);
  socket.set(zmq::sockopt::linger, 0);
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
  control_ = make_socket(context, zmq::socket_type::dealer, info_.endpoint(Channel::control),
                         [](zmq::socket_t&) {});
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
    if (client->output_tail().find("Address already in use") == std::string::npos) break;
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
      resend_after = std::min(resend_after * 2, kernel_info_resend);
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
    } else if (event.channel == Channel::iopub) {
      iopub_connected = true;
    }
  }
  // The heartbeat channel is the one that tells a wedged kernel from a busy one; a kernel
  // whose heartbeat is dead from the start is not worth running cells in.
  if (!heartbeat(until(deadline))) {
    return Error{"kernel does not answer on its heartbeat channel", spec_.name};
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
  send_frames(socket(channel), to_frames(message, signer_));
  return id;
}

void KernelClient::send_reply(Channel channel, std::string_view msg_type, Json content,
                              const Json& parent) {
  Message message = make_request(msg_type, std::move(content), session_);
  message.parent_header = parent;
  send_frames(socket(channel), to_frames(message, signer_));
}

KernelEvent KernelClient::next_event(Clock::time_point deadline) {
  constexpr std::array<Channel, 4> channels = {Channel::control, Channel::shell, Channel::stdin_,
                                               Channel::iopub};
  while (true) {
    std::array<zmq::pollitem_t, 5> items{};
    for (std::size_t i = 0; i < channels.size(); ++i) {
      items.at(i) = {socket(channels.at(i)).handle(), 0, ZMQ_POLLIN, 0};
    }
    items[4] = {nullptr, process_.exit_fd(), ZMQ_POLLIN, 0};
    const std::size_t count = process_.exit_fd() >= 0 ? 5 : 4;
    zmq::poll(items.data(), count, until(deadline));

    for (std::size_t i = 0; i < channels.size(); ++i) {
      if ((items.at(i).revents & ZMQ_POLLIN) == 0) continue;
      std::vector<zmq::message_t> parts;
      if (!zmq::recv_multipart(socket(channels.at(i)), std::back_inserter(parts),
                               zmq::recv_flags::dontwait)) {
        continue;
      }
      std::vector<std::string> frames;
      frames.reserve(parts.size());
      for (const zmq::message_t& part : parts)
        frames.push_back(part.to_string());
      Result<Message> message = from_frames(std::move(frames), signer_);
      if (!message) {
        dropped_.push_back(message.error().message);
        continue;
      }
      return {KernelEvent::Kind::message, channels.at(i), std::move(message).value(), {}, {}};
    }
    // Messages first: a kernel that printed and then died has its output delivered.
    if (std::optional<ExitStatus> status = process_.poll()) {
      return {KernelEvent::Kind::died, Channel::shell, {}, *status, {}};
    }
    if (Clock::now() >= deadline) return {};
    if (count == 4) {
      // No pidfd: wake up now and then to notice a death.
      deadline = std::min(deadline, Clock::now() + milliseconds(100));
    }
  }
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
  send_request(Channel::control, "shutdown_request", {{"restart", false}});
  if (process_.wait_for(grace)) return;
  process_.terminate(grace);
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
