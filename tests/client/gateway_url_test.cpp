#include "client/gateway_url.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("gateway URLs give scheme, host, port and base path", "[client][gateway]") {
  Result<GatewayUrl> plain = parse_gateway_url("http://127.0.0.1:8888", false);
  REQUIRE(plain.ok());
  CHECK_FALSE(plain->tls);
  CHECK(plain->host == "127.0.0.1");
  CHECK(plain->port == "8888");
  CHECK(plain->base.empty());
  CHECK(plain->target("/api/kernels") == "/api/kernels");

  Result<GatewayUrl> tls = parse_gateway_url("https://gw.example/jupyter/", false);
  REQUIRE(tls.ok());
  CHECK(tls->tls);
  CHECK(tls->port == "443");
  CHECK(tls->base == "/jupyter");
  CHECK(tls->target("/api/kernelspecs") == "/jupyter/api/kernelspecs");
  CHECK(tls->describe() == "https://gw.example:443/jupyter");

  Result<GatewayUrl> v6 = parse_gateway_url("http://[::1]:9000/", false);
  REQUIRE(v6.ok());
  CHECK(v6->host == "::1");
  CHECK(v6->describe() == "http://[::1]:9000/");
  CHECK(parse_gateway_url("wss://gw.example", false)->tls);
}

TEST_CASE("plain http is refused for a host that is not this machine", "[client][gateway]") {
  const Result<GatewayUrl> remote = parse_gateway_url("http://gw.example:8888", false);
  REQUIRE_FALSE(remote.ok());
  CHECK(remote.error().message.find("--gateway-insecure") != std::string::npos);
  CHECK(parse_gateway_url("http://gw.example:8888", true).ok());
  for (const char* local :
       {"http://localhost:1", "http://127.0.0.53:1", "http://[::1]:1", "http://LOCALHOST:1"}) {
    CHECK(parse_gateway_url(local, false).ok());
  }
  CHECK_FALSE(is_loopback_host("128.0.0.1"));
  CHECK_FALSE(is_loopback_host("localhost.example"));
}

TEST_CASE("malformed gateway URLs are errors that say why", "[client][gateway]") {
  const auto message = [](const char* url) {
    const Result<GatewayUrl> parsed = parse_gateway_url(url, true);
    return parsed.ok() ? std::string() : parsed.error().message;
  };
  CHECK(message("gw.example:8888").find("http://") != std::string::npos);
  CHECK(message("ftp://gw.example").find("unknown scheme") != std::string::npos);
  CHECK(message("http://user:pw@gw.example").find("--gateway-token") != std::string::npos);
  CHECK(message("http://gw.example:99999").find("not a port") != std::string::npos);
  CHECK(message("http://gw.example:http").find("not a port") != std::string::npos);
  CHECK(message("http://:8888").find("no host") != std::string::npos);
  CHECK(message("http://gw.example/?token=x").find("no query") != std::string::npos);
  CHECK(message("http://[::1:8888").find("unclosed") != std::string::npos);
}

TEST_CASE("a --gateway-header value is NAME:VALUE", "[client][gateway]") {
  const auto header = parse_header_option("X-Team:  docs ");
  REQUIRE(header.ok());
  CHECK(header->first == "X-Team");
  CHECK(header->second == "docs");
  CHECK(parse_header_option("Authorization:Bearer a:b")->second == "Bearer a:b");
  CHECK_FALSE(parse_header_option("no colon").ok());
  CHECK_FALSE(parse_header_option(":value").ok());
  CHECK_FALSE(parse_header_option("Bad Name:value").ok());
  CHECK_FALSE(parse_header_option("X-A:one\r\nX-B: two").ok());
}
