#include "client/gateway_transport.hpp"

#include <boost/asio/ssl/host_name_verification.hpp>
#include <exception>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <sstream>

namespace docnb::gateway_io {

namespace {

constexpr std::chrono::seconds connect_timeout{10};

} // namespace

std::string Transport::host_header() const {
  const bool v6 = url.host.find(':') != std::string::npos;
  const std::string host = v6 ? "[" + url.host + "]" : url.host;
  const bool default_port = url.port == (url.tls ? "443" : "80");
  return default_port ? host : host + ":" + url.port;
}

Result<std::shared_ptr<const Transport>> make_transport(const GatewaySettings& settings) {
  Result<GatewayUrl> url = parse_gateway_url(settings.url, settings.insecure);
  if (!url) return url.error();
  auto transport = std::make_shared<Transport>(settings, std::move(url).value());
  beast::error_code error;
  transport->tls.set_default_verify_paths(error);
  if (!settings.ca_file.empty()) {
    transport->tls.load_verify_file(settings.ca_file.string(), error);
    if (error) {
      return Error{"cannot read the certificates: " + error.message(),
                   "--gateway-ca " + settings.ca_file.string()};
    }
  }
  transport->tls.set_verify_mode(net::ssl::verify_peer);
  return std::shared_ptr<const Transport>(std::move(transport));
}

net::awaitable<beast::error_code> open_stream(beast::tcp_stream& stream,
                                              const Transport& transport) {
  beast::error_code error;
  tcp::resolver resolver(co_await net::this_coro::executor);
  stream.expires_after(connect_timeout);
  const auto endpoints = co_await resolver.async_resolve(
      transport.url.host, transport.url.port, net::redirect_error(net::use_awaitable, error));
  if (error) co_return error;
  co_await stream.async_connect(endpoints, net::redirect_error(net::use_awaitable, error));
  // Small frames, each awaited: Nagle's algorithm with the peer's delayed ACK would hold many
  // of them back for tens of milliseconds.
  if (!error) stream.socket().set_option(tcp::no_delay(true), error);
  co_return error;
}

net::awaitable<beast::error_code> open_stream(TlsStream& stream, const Transport& transport) {
  beast::error_code error = co_await open_stream(beast::get_lowest_layer(stream), transport);
  if (error) co_return error;
  // SNI: a server behind a shared front end picks its certificate by name.
  if (SSL_set_tlsext_host_name(stream.native_handle(), transport.url.host.c_str()) != 1) {
    co_return beast::error_code(static_cast<int>(::ERR_get_error()),
                                net::error::get_ssl_category());
  }
  stream.set_verify_callback(net::ssl::host_name_verification(transport.url.host));
  beast::get_lowest_layer(stream).expires_after(connect_timeout);
  co_await stream.async_handshake(net::ssl::stream_base::client,
                                  net::redirect_error(net::use_awaitable, error));
  co_return error;
}

void acknowledge_promptly(beast::tcp_stream& stream) {
  using quick_ack = net::detail::socket_option::boolean<IPPROTO_TCP, TCP_QUICKACK>;
  beast::error_code ignored; // an optimisation: without it, only slower
  stream.socket().set_option(quick_ack(true), ignored);
}

bool is_connection_failure(const beast::error_code& error) {
  if (error.category() == net::error::get_ssl_category()) return false; // a refused certificate
  return error == net::error::connection_refused || error == net::error::connection_reset ||
         error == net::error::connection_aborted || error == net::error::host_unreachable ||
         error == net::error::network_unreachable || error == net::error::host_not_found ||
         error == net::error::host_not_found_try_again || error == net::error::timed_out ||
         error == beast::error::timeout || error == net::error::eof ||
         error == net::ssl::error::stream_truncated || error == net::error::broken_pipe;
}

bool is_unavailable_status(unsigned status) {
  return status == 502 || status == 503 || status == 504;
}

int attempts_allowed(const Transport& transport) {
  return transport.unreachable.load() ? 1 : std::max(1, transport.settings.connect_attempts);
}

std::chrono::milliseconds backoff_before(const Transport& transport, int k) {
  return transport.settings.first_backoff * (1 << std::min(k - 1, 10));
}

std::string unreachable_message(const Transport& transport, const std::string& why, int attempts,
                                std::chrono::steady_clock::duration spent) {
  std::ostringstream text;
  text.precision(2);
  text << std::fixed << "cannot reach the gateway at " << transport.url.describe() << ": " << why
       << " (" << attempts << (attempts == 1 ? " attempt" : " attempts") << " in "
       << std::chrono::duration<double>(spent).count() << " s)";
  return text.str();
}

void run_to_completion(net::io_context& context, net::awaitable<void> task) {
  std::exception_ptr failure;
  net::co_spawn(context, std::move(task),
                [&failure](std::exception_ptr error) { failure = error; });
  context.run();
  // Only a bug throws here: every network failure is an error code.
  if (failure) std::rethrow_exception(failure);
}

} // namespace docnb::gateway_io
