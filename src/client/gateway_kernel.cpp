#include "client/gateway_kernel.hpp"

namespace docnb {

namespace {

using std::chrono::milliseconds;
// Without a message for this long while waiting, the kernel is asked for kernel_info on
// control: a control thread answers even while a cell runs.
constexpr milliseconds probe_interval{2'000};
// Probes unanswered for this long: the server is asked whether the kernel still exists.
constexpr milliseconds probe_patience{10'000};
constexpr std::size_t max_probes = 8;
constexpr milliseconds kernel_info_resend{1'000};

// jupyter_server's notice, on the iopub stream of the request it concerns, that it dropped
// output over its iopub_msg_rate_limit or iopub_data_rate_limit.
bool is_server_notice(const ChannelMessage& received) {
  if (received.channel != Channel::iopub || received.message.msg_type() != "stream") return false;
  const std::string text = received.message.content.value("text", "");
  return text.starts_with("IOPub data rate exceeded") ||
         text.starts_with("IOPub message rate exceeded");
}

KernelEvent died(const std::string& why) {
  KernelEvent event;
  event.kind = KernelEvent::Kind::died;
  event.why = why;
  return event;
}

// Variables a gateway reads from the kernel request, as jupyter_server's own gateway client
// forwards them: KERNEL_USERNAME, KERNEL_NAMESPACE, KERNEL_IMAGE, …
std::map<std::string, std::string> kernel_variables(const KernelLaunch& launch) {
  std::map<std::string, std::string> env;
  for (const auto& [key, value] : launch.environment) {
    if (key.starts_with("KERNEL_")) env[key] = value;
  }
  const auto seconds = std::chrono::ceil<std::chrono::seconds>(launch.startup_timeout).count();
  env.emplace("KERNEL_LAUNCH_TIMEOUT", std::to_string(seconds));
  return env;
}

} // namespace

Result<std::unique_ptr<GatewayKernel>> GatewayKernel::start(const KernelLaunch& launch) {
  const GatewayClient& gateway = *launch.gateway;
  const Clock::time_point deadline = Clock::now() + launch.startup_timeout;
  RemoteKernelRequest request;
  request.name = launch.spec.name;
  request.env = kernel_variables(launch);
  if (const GatewaySettings& settings = gateway.settings(); settings.cwd) {
    request.cwd = remote_folder(*settings.cwd, launch.cwd, settings.local_root);
  }
  Result<std::string> id = gateway.start_kernel(request);
  if (!id) return Error{"the gateway did not start it: " + id.error().message, launch.spec.name};
  // From here on the kernel is deleted on the server if anything fails.
  std::unique_ptr<GatewayKernel> kernel(new GatewayKernel(gateway, std::move(id).value()));
  if (Status ready = kernel->connect(deadline); !ready) {
    return Error{ready.error().message, launch.spec.name + " on the gateway"};
  }
  return kernel;
}

GatewayKernel::~GatewayKernel() {
  delete_once();
}

Status GatewayKernel::connect(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
  Result<std::unique_ptr<GatewayWebSocket>> channels = GatewayWebSocket::open(
      gateway_.http(), "/api/kernels/" + id_ + "/channels?session_id=" + session_,
      std::max(left, milliseconds(1'000)));
  if (!channels) return channels.error();
  channels_ = std::move(channels).value();
  std::set<std::string> requests;
  Clock::time_point resend_at = Clock::now();
  while (Clock::now() < deadline) {
    if (Clock::now() >= resend_at) {
      requests.insert(send_request(Channel::shell, "kernel_info_request", Json::object()));
      resend_at = Clock::now() + kernel_info_resend;
    }
    std::optional<ChannelMessage> received =
        take(channels_->receive(std::min(deadline, resend_at)));
    if (lost_) return Error{"kernel died during start-up: " + *lost_, ""};
    if (!received || received->channel != Channel::shell) continue;
    const Message& message = received->message;
    if (message.msg_type() == "kernel_info_reply" && requests.contains(message.parent_msg_id())) {
      kernel_info_ = message.content;
      kernel_session_ = message.header.value("session", "");
      next_probe_ = Clock::now() + probe_interval;
      return Done{};
    }
  }
  return Error{"kernel did not answer kernel_info_request within the startup timeout", ""};
}

std::string GatewayKernel::send_request(Channel channel, std::string_view msg_type, Json content) {
  Message message = make_request(msg_type, std::move(content), session_);
  std::string id = message.msg_id();
  if (channels_) channels_->send({channel, std::move(message)});
  return id;
}

void GatewayKernel::send_reply(Channel channel, std::string_view msg_type, Json content,
                               const Json& parent) {
  Message message = make_request(msg_type, std::move(content), session_);
  message.parent_header = parent;
  if (channels_) channels_->send({channel, std::move(message)});
}

std::optional<std::string> GatewayKernel::death_in(const ChannelMessage& received) const {
  const Message& message = received.message;
  if (received.channel == Channel::iopub && message.msg_type() == "status") {
    // `restarting` and `dead` are the server's own: it saw the kernel's process die.
    const std::string state = message.content.value("execution_state", "");
    if (state == "dead") return "kernel died (the gateway could not restart it)";
    if (state == "restarting") return "kernel died (the gateway restarted it; its state is lost)";
  }
  // Every message of one kernel process carries that process's session. Another session is a
  // new process: the kernel was restarted behind our back (POST /api/kernels/{id}/restart,
  // which first interrupts the running cell). The server's own rate-limit notices are the
  // exception.
  const std::string session = message.header.value("session", "");
  if (!kernel_session_.empty() && !session.empty() && session != kernel_session_ &&
      !is_server_notice(received)) {
    return "kernel restarted on the gateway (another kernel session answers; its state is lost)";
  }
  return std::nullopt;
}

bool GatewayKernel::is_probe_traffic(const ChannelMessage& received) {
  const std::string parent = received.message.parent_msg_id();
  if (!probes_.contains(parent)) return false;
  if (received.channel == Channel::control) {
    probes_.erase(parent);
    oldest_unanswered_ = probes_.empty() ? Clock::time_point::max() : Clock::now();
  }
  return true;
}

std::optional<ChannelMessage> GatewayKernel::take(GatewayWebSocket::Received received) {
  using Kind = GatewayWebSocket::Received::Kind;
  switch (received.kind) {
  case Kind::timeout:
  case Kind::woken:
    return std::nullopt;
  case Kind::undecodable:
    dropped_.push_back(received.why);
    return std::nullopt;
  case Kind::closed:
    if (!lost_) lost_ = "kernel lost: " + received.why;
    return std::nullopt;
  case Kind::message:
    break;
  }
  if (std::optional<std::string> why = death_in(received.message)) {
    if (!lost_) lost_ = std::move(why);
    return std::nullopt;
  }
  if (is_server_notice(received.message)) {
    const std::string text = received.message.message.content.value("text", "");
    dropped_.push_back("the gateway dropped output over its iopub rate limit (" +
                       text.substr(0, text.find('.')) + ")");
  }
  if (is_probe_traffic(received.message)) return std::nullopt;
  next_probe_ = Clock::now() + probe_interval; // the kernel is talking: no need to ask
  return std::move(received.message);
}

KernelEvent GatewayKernel::next_event(Clock::time_point deadline, int wake_fd) {
  for (;;) {
    if (lost_) return died(*lost_);
    if (!held_.empty()) {
      ChannelMessage held = std::move(held_.front());
      held_.pop_front();
      return {KernelEvent::Kind::message, held.channel, std::move(held.message), {}, {}};
    }
    GatewayWebSocket::Received got = channels_->receive(std::min(deadline, next_probe_), wake_fd);
    if (got.kind == GatewayWebSocket::Received::Kind::woken) {
      return {KernelEvent::Kind::woken, Channel::shell, {}, {}, {}};
    }
    std::optional<ChannelMessage> received = take(std::move(got));
    if (received) {
      return {KernelEvent::Kind::message, received->channel, std::move(received->message), {}, {}};
    }
    if (lost_) continue;
    if (Clock::now() >= next_probe_) probe();
    if (Clock::now() >= deadline) return {};
  }
}

void GatewayKernel::probe() {
  const Clock::time_point now = Clock::now();
  next_probe_ = now + probe_interval;
  if (!probes_.empty() && now - oldest_unanswered_ >= probe_patience) {
    // A kernel busy in C code, or without a control thread, may not answer for a long time;
    // the server knows whether it still exists.
    const Result<Json> model = gateway_.kernel(id_);
    if (!model) {
      lost_ = "kernel lost: " + model.error().message;
      return;
    }
    if (model->value("execution_state", "") == "dead") {
      lost_ = "kernel died (the gateway reports it dead)";
      return;
    }
    oldest_unanswered_ = now;
  }
  if (probes_.size() >= max_probes) return;
  probes_.insert(send_request(Channel::control, "kernel_info_request", Json::object()));
  if (oldest_unanswered_ == Clock::time_point::max()) oldest_unanswered_ = now;
}

void GatewayKernel::interrupt() {
  // A failed interrupt needs no handling here: the cell's grace runs out and it is killed.
  (void)gateway_.interrupt_kernel(id_);
}

bool GatewayKernel::heartbeat(milliseconds timeout) {
  if (lost_ || !channels_) return false;
  const std::string probe = send_request(Channel::control, "kernel_info_request", Json::object());
  probes_.insert(probe);
  const Clock::time_point deadline = Clock::now() + timeout;
  while (!lost_ && probes_.contains(probe)) {
    if (Clock::now() >= deadline) return false;
    std::optional<ChannelMessage> received = take(channels_->receive(deadline));
    if (received) held_.push_back(std::move(*received));
  }
  return !lost_;
}

void GatewayKernel::shutdown(milliseconds /*grace*/) {
  delete_once();
}

void GatewayKernel::kill() {
  delete_once();
}

void GatewayKernel::delete_once() {
  if (deleted_) return;
  deleted_ = true;
  if (!lost_) lost_ = "kernel deleted on the gateway";
  channels_.reset();
  // The server shuts the kernel down (shutdown_request, then its own kill) and forgets it. A
  // gateway that cannot be reached has nothing left to delete here.
  (void)gateway_.delete_kernel(id_);
}

} // namespace docnb
