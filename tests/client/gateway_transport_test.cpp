#include "client/gateway_transport.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::gateway_io;

namespace {

std::shared_ptr<const Transport> transport_for(const std::string& url) {
  GatewaySettings settings;
  settings.url = url;
  settings.first_backoff = std::chrono::milliseconds(100);
  Result<std::shared_ptr<const Transport>> transport = make_transport(settings);
  REQUIRE(transport.ok());
  return *transport;
}

} // namespace

TEST_CASE("retries wait twice as long each time, and once the gateway is gone, stop",
          "[client][gateway]") {
  const auto transport = transport_for("http://127.0.0.1:8888");
  CHECK(attempts_allowed(*transport) == 5);
  CHECK(backoff_before(*transport, 1) == std::chrono::milliseconds(100));
  CHECK(backoff_before(*transport, 4) == std::chrono::milliseconds(800));
  transport->unreachable.store(true);
  CHECK(attempts_allowed(*transport) == 1);
  CHECK(unreachable_message(*transport, "Connection refused", 5, std::chrono::milliseconds(3100)) ==
        "cannot reach the gateway at http://127.0.0.1:8888/: Connection refused (5 attempts in "
        "3.10 s)");
}

TEST_CASE("what is worth another try", "[client][gateway]") {
  CHECK(is_connection_failure(net::error::connection_refused));
  CHECK(is_connection_failure(beast::error::timeout));
  CHECK(is_connection_failure(net::error::host_not_found));
  CHECK_FALSE(is_connection_failure(http::error::bad_version));
  CHECK(is_unavailable_status(503));
  CHECK_FALSE(is_unavailable_status(500));
  CHECK_FALSE(is_unavailable_status(403));
}

TEST_CASE("the Host header names the port only when it is not the scheme's", "[client][gateway]") {
  CHECK(transport_for("https://gw.example:443")->host_header() == "gw.example");
  CHECK(transport_for("http://localhost:80")->host_header() == "localhost");
  CHECK(transport_for("https://[::1]/")->host_header() == "[::1]");
  CHECK(transport_for("http://127.0.0.1:8888/base")->host_header() == "127.0.0.1:8888");
}
