#include "client/gateway_websocket.hpp"

#include "client/gateway_transport.hpp"

#include <array>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <poll.h>
#include <sys/eventfd.h>
#include <thread>
#include <unistd.h>
#include <variant>

namespace docnb {

namespace {

using namespace gateway_io;
namespace websocket = beast::websocket;
using PlainWs = websocket::stream<beast::tcp_stream>;
using TlsWs = websocket::stream<TlsStream>;

// With no frame from the server for half of this, a ping goes out; with none for all of it,
// the server is taken for gone (a gateway that vanished without closing its connections).
constexpr std::chrono::seconds idle_timeout{30};
constexpr std::chrono::seconds close_wait{2};
constexpr std::size_t message_limit = 1ULL << 30;

auto redirect(beast::error_code& error) {
  return net::redirect_error(net::use_awaitable, error);
}

// Beast's own string_view (Boost's) from the standard one.
beast::string_view view(std::string_view text) {
  return {text.data(), text.size()};
}

int poll_timeout(Clock::time_point deadline) {
  if (deadline == Clock::time_point::max()) return -1;
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
}

} // namespace

struct GatewayWebSocket::Impl {
  struct Frame {
    bool binary = false;
    std::string data;
  };

  GatewayHttp http;
  std::chrono::milliseconds handshake_timeout;
  net::io_context context;
  std::variant<std::monostate, PlainWs, TlsWs> ws;
  Framing framing = Framing::json;
  std::thread thread;
  std::future<void> finished;
  int wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  // Received, filled by the connection's thread.
  std::mutex mutex;
  std::deque<Frame> inbox;
  std::optional<std::string> closed; // how the connection ended
  // To send: touched on the connection's thread only.
  std::deque<Frame> outbox;
  bool writing = false;
  bool close_after_writing = false; // a close must not overlap a write

  Impl(GatewayHttp h, std::chrono::milliseconds handshake)
      : http(std::move(h)), handshake_timeout(handshake) {}
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    if (wake >= 0) ::close(wake);
  }

  [[nodiscard]] const Transport& transport() const { return http.transport(); }

  void arrived(Frame frame) {
    {
      const std::lock_guard lock(mutex);
      inbox.push_back(std::move(frame));
    }
    notify();
  }
  void ended(std::string why) {
    {
      const std::lock_guard lock(mutex);
      if (!closed) closed = std::move(why);
    }
    notify();
  }
  void notify() const {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(wake, &one, sizeof one);
  }

  template <class Ws>
  net::awaitable<beast::error_code> handshake(Ws& socket, const std::string& path, bool offer_v1) {
    beast::get_lowest_layer(socket).expires_never(); // the websocket keeps its own time
    socket.set_option(websocket::stream_base::timeout{handshake_timeout, idle_timeout, true});
    socket.read_message_max(message_limit);
    const Transport& t = transport();
    socket.set_option(websocket::stream_base::decorator([&t, offer_v1](websocket::request_type& r) {
      t.add_headers(r);
      r.set(http::field::user_agent, "docnb/" DOCNB_VERSION);
      if (offer_v1) r.set(http::field::sec_websocket_protocol, view(v1_subprotocol));
    }));
    websocket::response_type response;
    beast::error_code error;
    co_await socket.async_handshake(response, t.host_header(), t.url.target(path), redirect(error));
    if (error == websocket::error::upgrade_declined) {
      closed = "the gateway refused the channels websocket (HTTP " +
               std::to_string(response.result_int()) + " " + std::string(response.reason()) + ")";
    }
    const bool selected_v1 = response[http::field::sec_websocket_protocol] == view(v1_subprotocol);
    framing = selected_v1 ? Framing::v1 : Framing::json;
    co_return error;
  }

  // One try at connecting; `refused` holds why it is not worth another.
  net::awaitable<beast::error_code> try_open(const std::string& path, bool offer_v1) {
    auto executor = co_await net::this_coro::executor;
    beast::error_code error;
    if (transport().url.tls) {
      TlsWs& socket = ws.emplace<TlsWs>(executor, transport().tls);
      error = co_await open_stream(socket.next_layer(), transport());
      if (!error) error = co_await handshake(socket, path, offer_v1);
    } else {
      PlainWs& socket = ws.emplace<PlainWs>(executor);
      error = co_await open_stream(socket.next_layer(), transport());
      if (!error) error = co_await handshake(socket, path, offer_v1);
    }
    co_return error;
  }

  net::awaitable<void> open(const std::string& path, bool offer_v1, Status& status) {
    const auto started = std::chrono::steady_clock::now();
    const int allowed = attempts_allowed(transport());
    std::string why;
    for (int k = 0; k < allowed; ++k) {
      if (k > 0) {
        net::steady_timer timer(co_await net::this_coro::executor, backoff_before(transport(), k));
        beast::error_code ignored;
        co_await timer.async_wait(redirect(ignored));
      }
      const beast::error_code error = co_await try_open(path, offer_v1);
      if (!error) {
        transport().unreachable.store(false);
        status = Done{};
        co_return;
      }
      if (closed || !is_connection_failure(error)) {
        status = Error{closed ? *closed : "the channels websocket failed: " + error.message(), ""};
        co_return;
      }
      why = error.message();
    }
    transport().unreachable.store(true);
    status = Error{
        unreachable_message(transport(), why, allowed, std::chrono::steady_clock::now() - started),
        ""};
  }

  template <class Ws> net::awaitable<void> read_loop(Ws& socket) {
    for (;;) {
      beast::flat_buffer buffer;
      beast::error_code error;
      acknowledge_promptly(beast::get_lowest_layer(socket));
      co_await socket.async_read(buffer, redirect(error));
      if (error == websocket::error::closed) {
        const websocket::close_reason reason = socket.reason();
        co_return ended("the gateway closed the channels websocket (code " +
                        std::to_string(reason.code) +
                        (reason.reason.empty()
                             ? ""
                             : ": " + std::string(reason.reason.data(), reason.reason.size())) +
                        ")");
      }
      if (error) co_return ended("the connection to the gateway was lost: " + error.message());
      arrived({socket.got_binary(), beast::buffers_to_string(buffer.data())});
    }
  }

  template <class Ws> net::awaitable<void> write_loop(Ws& socket) {
    while (!outbox.empty()) {
      Frame frame = std::move(outbox.front());
      outbox.pop_front();
      socket.binary(frame.binary);
      beast::error_code error;
      co_await socket.async_write(net::buffer(frame.data), redirect(error));
      if (error) outbox.clear(); // the read loop reports the end
    }
    writing = false;
    if (close_after_writing) co_await close(socket);
  }

  template <class Ws> net::awaitable<void> close(Ws& socket) {
    beast::error_code ignored;
    co_await socket.async_close(websocket::close_code::normal, redirect(ignored));
  }

  // Runs `task(socket)` on the connection's thread, whichever kind of socket it is.
  template <class Task> void spawn(Task task) {
    std::visit(
        [&](auto& socket) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(socket)>, std::monostate>) {
            net::co_spawn(context, task(socket), net::detached);
          }
        },
        ws);
  }
};

Result<std::unique_ptr<GatewayWebSocket>>
GatewayWebSocket::open(const GatewayHttp& http, const std::string& path,
                       std::chrono::milliseconds handshake_timeout, bool offer_v1) {
  auto impl = std::make_unique<Impl>(http, handshake_timeout);
  if (impl->wake < 0) return Error{"cannot make an eventfd", path};
  Status status = Error{"not connected", ""};
  run_to_completion(impl->context, impl->open(path, offer_v1, status));
  if (!status) return status.error();
  impl->context.restart();
  Impl& self = *impl;
  self.spawn([&self](auto& socket) { return self.read_loop(socket); });
  std::promise<void> finished;
  self.finished = finished.get_future();
  self.thread = std::thread([&self, finished = std::move(finished)]() mutable {
    self.context.run();
    finished.set_value();
  });
  return std::unique_ptr<GatewayWebSocket>(new GatewayWebSocket(std::move(impl)));
}

GatewayWebSocket::GatewayWebSocket(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

GatewayWebSocket::~GatewayWebSocket() {
  Impl& self = *impl_;
  net::post(self.context, [&self] {
    if (self.writing) {
      self.close_after_writing = true;
    } else {
      self.spawn([&self](auto& socket) { return self.close(socket); });
    }
  });
  // The read loop ends with the close handshake, and the thread with it; a server that does
  // not answer is not waited for.
  if (self.finished.wait_for(close_wait) != std::future_status::ready) self.context.stop();
  self.thread.join();
}

Framing GatewayWebSocket::framing() const {
  return impl_->framing;
}

void GatewayWebSocket::send(const ChannelMessage& message) {
  const bool v1 = impl_->framing == Framing::v1;
  Impl::Frame frame{v1, v1 ? encode_v1(message) : encode_json(message)};
  Impl& self = *impl_;
  net::post(self.context, [&self, frame = std::move(frame)]() mutable {
    self.outbox.push_back(std::move(frame));
    if (self.writing) return;
    self.writing = true;
    self.spawn([&self](auto& socket) { return self.write_loop(socket); });
  });
}

GatewayWebSocket::Received GatewayWebSocket::receive(Clock::time_point deadline, int wake_fd) {
  Impl& self = *impl_;
  for (;;) {
    std::optional<Impl::Frame> frame;
    {
      const std::lock_guard lock(self.mutex);
      if (!self.inbox.empty()) {
        frame = std::move(self.inbox.front());
        self.inbox.pop_front();
      } else if (self.closed) {
        return {Received::Kind::closed, {}, *self.closed};
      }
    }
    if (frame) {
      Result<ChannelMessage> decoded = !frame->binary ? decode_json(frame->data)
                                       : self.framing == Framing::v1
                                           ? decode_v1(frame->data)
                                           : decode_json_binary(frame->data);
      if (!decoded) return {Received::Kind::undecodable, {}, decoded.error().message};
      return {Received::Kind::message, std::move(decoded).value(), {}};
    }
    const int timeout = poll_timeout(deadline);
    if (timeout == 0) return {};
    std::array<pollfd, 2> wake{pollfd{self.wake, POLLIN, 0}, pollfd{wake_fd, POLLIN, 0}};
    if (::poll(wake.data(), wake_fd >= 0 ? 2 : 1, timeout) > 0) {
      if ((wake[1].revents & POLLIN) != 0) return {Received::Kind::woken, {}, {}};
      if ((wake[0].revents & POLLIN) != 0) {
        std::uint64_t count = 0;
        [[maybe_unused]] const auto read = ::read(self.wake, &count, sizeof count);
      }
    }
  }
}

} // namespace docnb
