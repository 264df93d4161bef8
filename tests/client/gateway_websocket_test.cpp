#include "client/gateway_websocket.hpp"
#include "gateway_test_server.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

// Opens the channels of a fresh kernel and has it answer kernel_info_request on shell and
// control; returns the framing the connection settled on.
Framing round_trip(const testing::GatewayTestServer& server, bool offer_v1) {
  const GatewayClient client = server.client();
  RemoteKernelRequest request;
  request.name = "python3";
  const Result<std::string> id = client.start_kernel(request);
  REQUIRE(id.ok());
  Framing framing = Framing::json;
  {
    Result<std::unique_ptr<GatewayWebSocket>> channels = GatewayWebSocket::open(
        client.http(), "/api/kernels/" + *id + "/channels?session_id=" + new_uuid(),
        std::chrono::seconds(60), offer_v1);
    REQUIRE(channels.ok());
    framing = (*channels)->framing();
    for (const Channel channel : {Channel::shell, Channel::control}) {
      ChannelMessage request{channel, make_request("kernel_info_request", Json::object(), "s")};
      const std::string msg_id = request.message.msg_id();
      (*channels)->send(request);
      const auto deadline = Clock::now() + std::chrono::seconds(60);
      bool replied = false;
      while (!replied) {
        GatewayWebSocket::Received received = (*channels)->receive(deadline);
        REQUIRE(received.kind == GatewayWebSocket::Received::Kind::message);
        replied = received.message.channel == channel &&
                  received.message.message.msg_type() == "kernel_info_reply" &&
                  received.message.message.parent_msg_id() == msg_id;
      }
    }
  }
  REQUIRE(client.delete_kernel(*id).ok());
  return framing;
}

} // namespace

TEST_CASE("channels speak v1 when the server selects it, JSON when it does not",
          "[client][gateway][server]") {
  testing::GatewayTestServer server;
  CHECK(round_trip(server, /*offer_v1=*/true) == Framing::v1);
  CHECK(round_trip(server, /*offer_v1=*/false) == Framing::json);
}

TEST_CASE("a server that never selects v1 gets JSON frames, and closing is reported",
          "[client][gateway][server]") {
  testing::GatewayTestServer server(/*framing_json=*/true);
  CHECK(round_trip(server, /*offer_v1=*/true) == Framing::json);

  const GatewayClient client = server.client();
  RemoteKernelRequest request;
  request.name = "python3";
  const Result<std::string> id = client.start_kernel(request);
  REQUIRE(id.ok());
  Result<std::unique_ptr<GatewayWebSocket>> channels = GatewayWebSocket::open(
      client.http(), "/api/kernels/" + *id + "/channels?session_id=" + new_uuid());
  REQUIRE(channels.ok());
  server.stop();
  GatewayWebSocket::Received received{};
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  do {
    received = (*channels)->receive(deadline);
  } while (received.kind == GatewayWebSocket::Received::Kind::message);
  CHECK(received.kind == GatewayWebSocket::Received::Kind::closed);
  CHECK_FALSE(received.why.empty());

  const Result<std::unique_ptr<GatewayWebSocket>> refused =
      GatewayWebSocket::open(client.http(), "/api/kernels/" + *id + "/channels");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("cannot reach the gateway") != std::string::npos);
}
