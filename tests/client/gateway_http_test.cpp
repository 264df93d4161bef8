#include "client/gateway_http.hpp"
#include "gateway_test_server.hpp"

#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace docnb;

namespace {

// A port nobody listens on: bound, then released.
int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  ::close(fd);
  return ntohs(address.sin_port);
}

} // namespace

TEST_CASE("an unreachable gateway is retried a bounded number of times, then once",
          "[client][gateway]") {
  GatewaySettings settings;
  settings.url = "http://127.0.0.1:" + std::to_string(closed_port());
  settings.connect_attempts = 3;
  settings.first_backoff = std::chrono::milliseconds(10);
  Result<GatewayHttp> http = GatewayHttp::create(settings);
  REQUIRE(http.ok());
  const Result<HttpReply> first = http->request("GET", "/api");
  REQUIRE_FALSE(first.ok());
  CHECK(first.error().message.find("cannot reach the gateway at " + settings.url) !=
        std::string::npos);
  CHECK(first.error().message.find("(3 attempts in ") != std::string::npos);
  // Known to be unreachable now: the next request (another source's kernel) fails at once.
  const Result<HttpReply> second = http->request("GET", "/api/kernels");
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().message.find("(1 attempt in ") != std::string::npos);
}

TEST_CASE("a CA file that cannot be read is an error naming it", "[client][gateway]") {
  GatewaySettings settings;
  settings.url = "https://127.0.0.1:1";
  settings.ca_file = "/nonexistent/ca.pem";
  const Result<GatewayHttp> http = GatewayHttp::create(settings);
  REQUIRE_FALSE(http.ok());
  CHECK(http.error().where == "--gateway-ca /nonexistent/ca.pem");
}

TEST_CASE("requests reach a real Jupyter Server, and its refusals are replies",
          "[client][gateway][server]") {
  testing::GatewayTestServer server;
  Result<GatewayHttp> http = GatewayHttp::create(server.settings());
  REQUIRE(http.ok());
  const Result<HttpReply> version = http->request("GET", "/api");
  REQUIRE(version.ok());
  CHECK(version->status == 200);
  CHECK(Json::parse(version->body).contains("version"));

  GatewaySettings wrong = server.settings();
  wrong.token = "not-the-token";
  wrong.headers = {{"X-Docnb-Test", "yes"}};
  const Result<HttpReply> refused = GatewayHttp::create(wrong)->request("GET", "/api/kernels");
  REQUIRE(refused.ok());
  CHECK(refused->status == 403);
}
