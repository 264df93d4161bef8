#include "client/gateway_http.hpp"

#include "client/gateway_transport.hpp"

#include <optional>

namespace docnb {

namespace {

using namespace gateway_io;
using Request = http::request<http::string_body>;
constexpr std::uint64_t reply_limit = 64ULL << 20;

auto redirect(beast::error_code& error) {
  return net::redirect_error(net::use_awaitable, error);
}

template <class Stream>
net::awaitable<beast::error_code> exchange(Stream& stream, const Transport& transport,
                                           Request& request, HttpReply& reply) {
  beast::error_code error;
  beast::get_lowest_layer(stream).expires_after(transport.settings.request_timeout);
  co_await http::async_write(stream, request, redirect(error));
  if (error) co_return error;
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(reply_limit);
  co_await http::async_read(stream, buffer, parser, redirect(error));
  if (error) co_return error;
  reply.status = parser.get().result_int();
  reply.reason = std::string(parser.get().reason());
  reply.body = std::move(parser.get().body());
  beast::error_code ignored;
  beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
  co_return error;
}

// One try: connect, then exchange. `connected` says whether the request may have gone out.
net::awaitable<beast::error_code> try_once(const Transport& transport, Request& request,
                                           HttpReply& reply, bool& connected) {
  auto executor = co_await net::this_coro::executor;
  beast::error_code error;
  if (transport.url.tls) {
    TlsStream stream(executor, transport.tls);
    error = co_await open_stream(stream, transport);
    connected = !error;
    if (!error) error = co_await exchange(stream, transport, request, reply);
  } else {
    beast::tcp_stream stream(executor);
    error = co_await open_stream(stream, transport);
    connected = !error;
    if (!error) error = co_await exchange(stream, transport, request, reply);
  }
  co_return error;
}

std::string describe_failure(const Transport& transport, const beast::error_code& error) {
  if (error.category() == net::error::get_ssl_category()) {
    return "TLS with the gateway at " + transport.url.describe() + " failed: " + error.message() +
           " (--gateway-ca names a certificate to trust)";
  }
  return "the gateway at " + transport.url.describe() + " failed: " + error.message();
}

net::awaitable<void> request_with_retries(const Transport& transport, Request& request,
                                          std::optional<Result<HttpReply>>& out) {
  const auto started = std::chrono::steady_clock::now();
  const bool idempotent = request.method() != http::verb::post;
  const int allowed = attempts_allowed(transport);
  std::string why;
  for (int k = 0; k < allowed; ++k) {
    if (k > 0) {
      net::steady_timer timer(co_await net::this_coro::executor, backoff_before(transport, k));
      beast::error_code ignored;
      co_await timer.async_wait(redirect(ignored));
    }
    HttpReply reply;
    bool connected = false;
    const beast::error_code error = co_await try_once(transport, request, reply, connected);
    if (!error && !is_unavailable_status(reply.status)) {
      transport.unreachable.store(false);
      out.emplace(std::move(reply));
      co_return;
    }
    // A POST that may have reached the server is not sent again: it could start a second
    // kernel.
    if (error && (!is_connection_failure(error) || (connected && !idempotent))) {
      out.emplace(Error{describe_failure(transport, error), ""});
      co_return;
    }
    why = error ? error.message() : "HTTP " + std::to_string(reply.status) + " " + reply.reason;
  }
  transport.unreachable.store(true);
  out.emplace(Error{
      unreachable_message(transport, why, allowed, std::chrono::steady_clock::now() - started),
      ""});
}

} // namespace

Result<GatewayHttp> GatewayHttp::create(const GatewaySettings& settings) {
  Result<std::shared_ptr<const Transport>> transport = make_transport(settings);
  if (!transport) return transport.error();
  return GatewayHttp(std::move(transport).value());
}

const GatewayUrl& GatewayHttp::url() const {
  return transport_->url;
}

const GatewaySettings& GatewayHttp::settings() const {
  return transport_->settings;
}

Result<HttpReply> GatewayHttp::request(std::string_view method, std::string_view path,
                                       const nlohmann::json& body) const {
  Request request(http::string_to_verb(beast::string_view(method.data(), method.size())),
                  transport_->url.target(path), 11);
  request.set(http::field::host, transport_->host_header());
  request.set(http::field::user_agent, "docnb/" DOCNB_VERSION);
  request.set(http::field::accept, "application/json");
  transport_->add_headers(request);
  if (!body.is_null()) {
    request.set(http::field::content_type, "application/json");
    request.body() = body.dump();
  }
  request.prepare_payload();
  std::optional<Result<HttpReply>> out;
  net::io_context context;
  run_to_completion(context, request_with_retries(*transport_, request, out));
  return std::move(*out);
}

} // namespace docnb
