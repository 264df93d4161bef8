// HTTP requests to a Jupyter Server or Enterprise Gateway, over Boost.Beast (TLS by OpenSSL).
// One connection per request: a run makes a handful per kernel.
#pragma once

#include "client/gateway_settings.hpp"
#include "client/gateway_url.hpp"
#include "support/result.hpp"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace docnb {

namespace gateway_io {
struct Transport;
}

struct HttpReply {
  unsigned status = 0;
  std::string reason; // "Forbidden"
  std::string body;
};

class GatewayHttp {
public:
  // Checks the URL (https for a host other than this machine, unless insecure) and reads the
  // CA file; connects to nothing yet.
  static Result<GatewayHttp> create(const GatewaySettings& settings);

  // One request to `path` below the server's base URL, with `body` as JSON unless it is null.
  // Failing to connect (or a proxy's 502/503/504) is retried with backoff, a bounded number of
  // times; an HTTP error status is a reply, not an Error.
  Result<HttpReply> request(std::string_view method, std::string_view path,
                            const nlohmann::json& body = nullptr) const;

  [[nodiscard]] const GatewayUrl& url() const;
  [[nodiscard]] const GatewaySettings& settings() const;
  // What the channels websocket shares with requests (client/gateway_websocket.cpp).
  [[nodiscard]] const gateway_io::Transport& transport() const { return *transport_; }

private:
  explicit GatewayHttp(std::shared_ptr<const gateway_io::Transport> transport)
      : transport_(std::move(transport)) {}
  std::shared_ptr<const gateway_io::Transport> transport_;
};

} // namespace docnb
