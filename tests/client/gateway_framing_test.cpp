#include "client/gateway_framing.hpp"

#include <catch2/catch.hpp>
#include <cstdint>

using namespace docnb;

namespace {

ChannelMessage sample(Channel channel) {
  ChannelMessage message{channel, make_request("execute_request", {{"code", "1 + 1"}}, "s-1")};
  message.message.parent_header = {{"msg_id", "parent-1"}};
  message.message.metadata = {{"cellId", "c1"}};
  return message;
}

std::uint64_t u64_le(const std::string& frame, std::size_t at) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(frame[at + i])) << (8 * i);
  return value;
}

void put_u32_be(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((value >> shift) & 0xffU));
}

} // namespace

TEST_CASE("v1 frames carry offsets, channel and the four parts as jupyter_server writes them",
          "[client][gateway]") {
  ChannelMessage message = sample(Channel::shell);
  message.message.buffers = {std::string("\x00\x01\x02", 3)};
  const std::string frame = encode_v1(message);
  // channel, four JSON parts, one buffer: seven offsets (the last is the end of the frame).
  REQUIRE(u64_le(frame, 0) == 7);
  CHECK(u64_le(frame, 8) == 8 * 8);
  CHECK(frame.substr(64, 5) == "shell");
  CHECK(u64_le(frame, 8 * 7) == frame.size());
  CHECK(frame.substr(frame.size() - 3) == std::string("\x00\x01\x02", 3));

  Result<ChannelMessage> decoded = decode_v1(frame);
  REQUIRE(decoded.ok());
  CHECK(decoded->channel == Channel::shell);
  CHECK(decoded->message.header == message.message.header);
  CHECK(decoded->message.parent_msg_id() == "parent-1");
  CHECK(decoded->message.metadata["cellId"] == "c1");
  CHECK(decoded->message.content["code"] == "1 + 1");
  CHECK(decoded->message.buffers == message.message.buffers);
}

TEST_CASE("a v1 frame without the end offset runs its last part to the end", "[client][gateway]") {
  std::string frame = encode_v1(sample(Channel::iopub));
  // Drop the end offset: six offsets, each shifted down by the eight bytes removed.
  std::string shortened;
  for (int i = 0; i < 8; ++i)
    shortened.push_back(static_cast<char>(i == 0 ? 5 : 0));
  for (std::size_t k = 1; k <= 5; ++k) {
    const std::uint64_t offset = u64_le(frame, 8 * k) - 8;
    for (int i = 0; i < 8; ++i)
      shortened.push_back(static_cast<char>((offset >> (8 * i)) & 0xffU));
  }
  shortened += frame.substr(8 * 7);
  Result<ChannelMessage> decoded = decode_v1(shortened);
  REQUIRE(decoded.ok());
  CHECK(decoded->channel == Channel::iopub);
  CHECK(decoded->message.content["code"] == "1 + 1");
  CHECK(decoded->message.buffers.empty());
}

TEST_CASE("broken v1 frames are errors, never crashes", "[client][gateway]") {
  const std::string good = encode_v1(sample(Channel::control));
  CHECK_FALSE(decode_v1("").ok());
  CHECK_FALSE(decode_v1(good.substr(0, 20)).ok());
  CHECK_FALSE(decode_v1(good.substr(0, good.size() - 1)).ok());
  std::string huge_count = good;
  huge_count[7] = '\x7f';
  CHECK_FALSE(decode_v1(huge_count).ok());
  std::string backwards = good;
  backwards[16] = '\x00'; // the header's offset before the table's end
  CHECK_FALSE(decode_v1(backwards).ok());
  std::string bad_channel = good;
  bad_channel.replace(56, 7, "nowhere"); // "control", after six offsets and their count
  CHECK(decode_v1(bad_channel).error().message.find("unknown channel") != std::string::npos);
}

TEST_CASE("JSON frames round-trip, and the server's leaner form is read", "[client][gateway]") {
  const ChannelMessage message = sample(Channel::stdin_);
  const Json text = Json::parse(encode_json(message));
  CHECK(text["channel"] == "stdin");
  CHECK(text["parent_header"]["msg_id"] == "parent-1");
  Result<ChannelMessage> decoded = decode_json(encode_json(message));
  REQUIRE(decoded.ok());
  CHECK(decoded->channel == Channel::stdin_);
  CHECK(decoded->message.header == message.message.header);

  // As jupyter_server sends its own status messages: no metadata key, extra top-level keys.
  Result<ChannelMessage> lean = decode_json(
      R"({"channel": "iopub", "msg_id": "m", "msg_type": "status", "buffers": [],
          "header": {"msg_type": "status", "msg_id": "m"}, "parent_header": {},
          "content": {"execution_state": "restarting"}})");
  REQUIRE(lean.ok());
  CHECK(lean->message.msg_type() == "status");
  CHECK(lean->message.metadata == Json::object());
  CHECK_FALSE(decode_json("[1, 2]").ok());
  CHECK_FALSE(decode_json(R"({"channel": "hb", "header": {}})").ok());
  CHECK_FALSE(decode_json(R"({"channel": "shell", "header": 3})").ok());
}

TEST_CASE("binary frames without the subprotocol carry a message with buffers",
          "[client][gateway]") {
  // jupyter_server's serialize_binary_message: big-endian count, offsets, JSON, buffers.
  const std::string json =
      R"({"channel": "iopub", "header": {"msg_type": "comm_msg"}, "parent_header": {},
          "metadata": {}, "content": {"data": {}}})";
  const std::string buffer = "BUF";
  std::string frame;
  put_u32_be(frame, 2);
  put_u32_be(frame, 12);
  put_u32_be(frame, static_cast<std::uint32_t>(12 + json.size()));
  frame += json + buffer;
  Result<ChannelMessage> decoded = decode_json_binary(frame);
  REQUIRE(decoded.ok());
  CHECK(decoded->channel == Channel::iopub);
  CHECK(decoded->message.msg_type() == "comm_msg");
  CHECK(decoded->message.buffers == std::vector<std::string>{"BUF"});
  CHECK_FALSE(decode_json_binary(frame.substr(0, 6)).ok());
}
